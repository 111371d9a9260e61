using Scheduler.Graphs.Topology;

namespace Scheduler.Graphs;

/// <summary>
/// The one definition of memory every number in this project uses (docs/DESIGN.md §2). A tensor lives from its producer's
/// step to its last consumer's step; graph outputs live to the end; freeable graph inputs live from the start to their
/// last consumer; resident inputs are a separate constant. The rule itself is written once, in
/// <see cref="MemorySimulator"/>. An optional <see cref="MemoryModelOptions"/> applies the later options (in-place
/// reuse); without it the model is <see cref="MemoryModelOptions.Default"/>. The bounds always describe the default model.
/// </summary>
public static class MemoryModel
{
    /// <summary>Peak bytes of a valid order under the model with <paramref name="options"/> (null: the default model).</summary>
    /// <exception cref="InvalidScheduleException">The order is not a permutation or violates an edge.</exception>
    public static long Evaluate(ComputationGraph graph, ReadOnlySpan<int> order, MemoryModelOptions? options = null)
    {
        Validate(graph, order);
        var sim = new MemorySimulator(graph, options ?? MemoryModelOptions.Default);
        foreach (int op in order)
        {
            sim.Execute(op);
        }
        return sim.PeakBytes;
    }

    /// <summary>Memory at every step of a valid order (the curve whose maximum is the peak) under the model with
    /// <paramref name="options"/> (null: the default model).</summary>
    /// <exception cref="InvalidScheduleException">The order is not a permutation or violates an edge.</exception>
    public static long[] Profile(ComputationGraph graph, ReadOnlySpan<int> order, MemoryModelOptions? options = null)
    {
        Validate(graph, order);
        var sim = new MemorySimulator(graph, options ?? MemoryModelOptions.Default);
        var profile = new long[order.Length];
        for (int i = 0; i < order.Length; i++)
        {
            profile[i] = sim.Execute(order[i]);
        }
        return profile;
    }

    /// <summary>Checks that <paramref name="order"/> is a permutation of the ops and every edge points forward.</summary>
    /// <exception cref="InvalidScheduleException">Names the first problem: a wrong length, a bad or repeated op, or the
    /// first violated edge with both positions.</exception>
    public static void Validate(ComputationGraph graph, ReadOnlySpan<int> order)
    {
        var error = Check(Guard.NotNull(graph, nameof(graph)), order);
        if (error is not null)
        {
            throw error;
        }
    }

    /// <summary>True when the order is valid; otherwise <paramref name="message"/> says why.</summary>
    public static bool IsValid(ComputationGraph graph, ReadOnlySpan<int> order, out string? message)
    {
        message = Check(Guard.NotNull(graph, nameof(graph)), order)?.Message;
        return message is null;
    }

    /// <summary>Working-set bound: max over ops of <see cref="WorkingSet"/>. Every order pays it under the default
    /// model. Under in-place reuse it is not a lower bound (an element-wise op's output may share its dying input's
    /// storage); it keeps this no-reuse meaning, and reports label it as such.</summary>
    public static long WorkingSetBound(ComputationGraph graph)
    {
        Guard.NotNull(graph, nameof(graph));
        long best = 0;
        for (int v = 0; v < graph.OpCount; v++)
        {
            best = Math.Max(best, WorkingSet(graph, v));
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

    /// <summary>
    /// Cut bound: for each op v, its outputs plus every tensor that is certainly live at v's step in any order — made
    /// by an ancestor of v (or a freeable input) and used by v or a descendant, or a graph output made by an ancestor.
    /// Max over v. At least the working-set bound; O(T·N/64) with reachability bitsets. Like the working-set bound it
    /// holds for the default model only, not under in-place reuse.
    /// </summary>
    public static long CutBound(ComputationGraph graph)
    {
        Guard.NotNull(graph, nameof(graph));
        return CutBound(graph, Reachability.Compute(graph));
    }

    /// <summary>The cut bound from an already computed closure of <paramref name="graph"/>.</summary>
    public static long CutBound(ComputationGraph graph, Reachability reach)
    {
        Guard.NotNull(graph, nameof(graph));
        Guard.NotNull(reach, nameof(reach));
        int n = graph.OpCount;
        var atStep = new long[n];
        for (int v = 0; v < n; v++)
        {
            atStep[v] = graph.OutputBytes(v);
        }
        var liveAt = new BitSet(n);
        for (int t = 0; t < graph.TensorCount; t++)
        {
            if (graph.IsResident(t) || graph.TensorSize(t) == 0)
            {
                continue;
            }
            int p = graph.Producer(t);
            liveAt.Clear();
            if (!graph.IsGraphOutput(t))
            {
                foreach (int c in graph.Consumers(t))
                {
                    liveAt.Or(reach.Ancestors(c));
                    liveAt.Set(c);
                }
            }
            if (p >= 0)
            {
                if (graph.IsGraphOutput(t))
                {
                    liveAt.Or(reach.Descendants(p));
                }
                else
                {
                    liveAt.And(reach.Descendants(p));
                }
            }
            long size = graph.TensorSize(t);
            foreach (int v in liveAt.Ones())
            {
                atStep[v] += size;
            }
        }
        return atStep.Length == 0 ? 0 : atStep.Max();
    }

    /// <summary>The larger of the working-set and cut bounds (default model; not a bound under in-place reuse).</summary>
    public static long LowerBound(ComputationGraph graph) => Math.Max(WorkingSetBound(graph), CutBound(graph));

    private static InvalidScheduleException? Check(ComputationGraph graph, ReadOnlySpan<int> order)
    {
        int n = graph.OpCount;
        if (order.Length != n)
        {
            return new InvalidScheduleException($"The order has {order.Length} ops but the graph has {n}.");
        }
        var position = new int[n];
        Array.Fill(position, -1);
        for (int i = 0; i < n; i++)
        {
            int op = order[i];
            if ((uint)op >= (uint)n)
            {
                return new InvalidScheduleException($"Position {i} holds op {op}, but the graph has {n} ops.");
            }
            if (position[op] >= 0)
            {
                return new InvalidScheduleException(
                    $"Op {graph.OpId(op)} appears twice, at positions {position[op]} and {i}.");
            }
            position[op] = i;
        }
        for (int i = 0; i < n; i++)
        {
            int u = order[i];
            foreach (int w in graph.Successors(u))
            {
                if (position[w] < i)
                {
                    return new InvalidScheduleException(
                        $"Edge {graph.OpId(u)}->{graph.OpId(w)} runs backwards: {graph.OpId(u)} is at position {i}, "
                        + $"{graph.OpId(w)} at {position[w]}.", u, w, i, position[w]);
                }
            }
        }
        return null;
    }
}
