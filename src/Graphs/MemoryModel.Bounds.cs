using Scheduler.Graphs.Topology;

namespace Scheduler.Graphs;

// The lower bounds of the memory model, valid under every option (docs/DESIGN.md §2). Both count buffers, not tensors
// (StorageClasses: a view shares its source's buffer), and subtract the most an op's step could reuse in
// place (MostReusable): a step costs `live + allocated − reused`, the live bytes include every
// buffer certainly live at it, and reuse only takes over buffers of its inputs, which are among them. Under the default
// model both are the classic bounds.
public static partial class MemoryModel
{
    /// <summary>Working-set bound under the default model: max over ops of <see cref="WorkingSet"/>.</summary>
    public static long WorkingSetBound(ComputationGraph graph) => WorkingSetBound(graph, MemoryModelOptions.Default);

    /// <summary>Working-set bound under <paramref name="options"/>: max over ops of the buffers its non-resident inputs
    /// occupy plus what it allocates, less the most it could reuse in place. Every order pays it.</summary>
    public static long WorkingSetBound(ComputationGraph graph, MemoryModelOptions options)
    {
        Guard.NotNull(graph, nameof(graph));
        Guard.NotNull(options, nameof(options));
        var classes = StorageClasses.Of(graph, options);
        var roots = new List<int>();
        long best = 0;
        for (int v = 0; v < graph.OpCount; v++)
        {
            long bytes = classes.Allocated[v] - MostReusable(graph, options, classes, v);
            roots.Clear();
            foreach (int t in graph.Inputs(v))
            {
                int r = classes.Root[t];
                if (!graph.IsResident(r) && !roots.Contains(r))
                {
                    roots.Add(r);
                    bytes += graph.TensorSize(r);
                }
            }
            best = Math.Max(best, bytes);
        }
        return best;
    }

    /// <summary>The bytes <paramref name="op"/>'s step holds in every order under the default model: its outputs plus
    /// its non-resident inputs (all live while it runs). Inductor's DFS calls this the bytes an op touches.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="op"/> is not an op of the graph.</exception>
    public static long WorkingSet(ComputationGraph graph, int op)
    {
        Guard.NotNull(graph, nameof(graph));
        Guard.InRange(op, graph.OpCount, nameof(op), "Op");
        long bytes = graph.OutputBytes(op);
        foreach (int t in graph.Inputs(op))
        {
            if (!graph.IsResident(t))
            {
                bytes += graph.TensorSize(t);
            }
        }
        return bytes;
    }

    /// <summary>Cut bound under the default model (see <see cref="CutBound(ComputationGraph, Reachability, MemoryModelOptions)"/>).</summary>
    public static long CutBound(ComputationGraph graph)
    {
        Guard.NotNull(graph, nameof(graph));
        return CutBound(graph, Reachability.Compute(graph), MemoryModelOptions.Default);
    }

    /// <summary>The default-model cut bound from an already computed closure of <paramref name="graph"/>.</summary>
    public static long CutBound(ComputationGraph graph, Reachability reach) => CutBound(graph, reach, MemoryModelOptions.Default);

    /// <summary>
    /// Cut bound: for each op v, what it allocates (less the most it could reuse in place) plus every buffer that is
    /// certainly live at v's step in any order — allocated by an ancestor of v (or a freeable input) and read, through
    /// any tensor sharing it, by v or a descendant, or holding a graph output and allocated by an ancestor. Max over v.
    /// At least the working-set bound; O(T·N/64) with reachability bitsets. Under in-place reuse two such buffers are
    /// distinct: a buffer is handed on only at the last read of everything in it, which would be after v.
    /// </summary>
    public static long CutBound(ComputationGraph graph, Reachability reach, MemoryModelOptions options)
    {
        long[] atStep = CutBoundAtSteps(graph, reach, options);
        return atStep.Length == 0 ? 0 : atStep.Max();
    }

    /// <summary>The cut bound's term per op (see <see cref="CutBound(ComputationGraph, Reachability, MemoryModelOptions)"/>):
    /// the bytes certainly held at that op's step in any order. Search bounds build on it state by state.</summary>
    public static long[] CutBoundAtSteps(ComputationGraph graph, Reachability reach, MemoryModelOptions options)
    {
        Guard.NotNull(graph, nameof(graph));
        Guard.NotNull(reach, nameof(reach));
        Guard.NotNull(options, nameof(options));
        int n = graph.OpCount;
        var classes = StorageClasses.Of(graph, options);
        var atStep = new long[n];
        for (int v = 0; v < n; v++)
        {
            atStep[v] = classes.Allocated[v] - MostReusable(graph, options, classes, v);
        }
        var members = Members(graph, classes);
        var liveAt = new BitSet(n);
        for (int r = 0; r < graph.TensorCount; r++)
        {
            if (classes.Root[r] != r || graph.IsResident(r) || graph.TensorSize(r) == 0)
            {
                continue;
            }
            int p = graph.Producer(r);
            bool pinned = classes.Pinned[r];
            liveAt.Clear();
            if (!pinned)
            {
                foreach (int t in members[r] ?? [r])
                {
                    foreach (int c in graph.Consumers(t))
                    {
                        liveAt.Or(reach.Ancestors(c));
                        liveAt.Set(c);
                    }
                }
            }
            if (p >= 0)
            {
                if (pinned)
                {
                    liveAt.Or(reach.Descendants(p));
                }
                else
                {
                    liveAt.And(reach.Descendants(p));
                }
            }
            long size = graph.TensorSize(r);
            foreach (int v in liveAt.Ones())
            {
                atStep[v] += size;
            }
        }
        return atStep;
    }

    /// <summary>The largest of the working-set, cut and closure bounds under the default model
    /// (<see cref="GraphAnalysis.LowerBound"/>): a peak that meets it is optimal.</summary>
    public static long LowerBound(ComputationGraph graph) => LowerBound(graph, MemoryModelOptions.Default);

    /// <summary>The largest of the working-set, cut and closure bounds under <paramref name="options"/>
    /// (<see cref="GraphAnalysis.LowerBound"/>).</summary>
    public static long LowerBound(ComputationGraph graph, MemoryModelOptions options)
        => new GraphAnalysis(graph, Guard.NotNull(options, nameof(options))).LowerBound;

    /// <summary>
    /// The most bytes <paramref name="op"/>'s step could write in place in any order: each output that allocates
    /// matched to a distinct non-pinned input buffer of its size. Matching by equal sizes, the best total is, per size,
    /// that size times the smaller of the two counts. 0 without in-place reuse or for an op that may not reuse.
    /// </summary>
    internal static long MostReusable(ComputationGraph graph, MemoryModelOptions options, StorageClasses classes, int op)
    {
        if (!options.InPlace || !options.IsElementWise(graph.OpType(op)))
        {
            return 0;
        }
        var sizes = new Dictionary<long, int>();
        var roots = new List<int>();
        foreach (int t in graph.Inputs(op))
        {
            int r = classes.Root[t];
            if (!classes.Pinned[r] && !roots.Contains(r))
            {
                roots.Add(r);
                sizes[graph.TensorSize(r)] = sizes.GetValueOrDefault(graph.TensorSize(r)) + 1;
            }
        }
        long reusable = 0;
        foreach (int o in graph.Outputs(op))
        {
            long size = graph.TensorSize(o);
            if (classes.IsView(o) || size == 0 || sizes.GetValueOrDefault(size) == 0)
            {
                continue;
            }
            sizes[size]--;
            reusable += size;
        }
        return reusable;
    }

    /// <summary>Per root with views, the tensors sharing its buffer (null where the root is alone).</summary>
    private static List<int>?[] Members(ComputationGraph graph, StorageClasses classes)
    {
        var members = new List<int>?[graph.TensorCount];
        for (int t = 0; t < graph.TensorCount; t++)
        {
            int r = classes.Root[t];
            if (r != t)
            {
                (members[r] ??= [r]).Add(t);
            }
        }
        return members;
    }
}
