using Scheduler.Graphs;

namespace Scheduler.Topoformer.Decoding;

/// <summary>
/// The state-dependent term of memory-aware decoding (<see cref="PriorityDecoder"/>): for a ready op, what running it
/// now would add to the live bytes — what it allocates, less what it writes in place and what it frees — times a
/// weight, per mean op output (so the weight means the same at any byte scale). Subtracted from the op's logit, it
/// tilts every step towards the ops that free memory, which the network's static priorities cannot see: they are one
/// number per op for the whole order. Scored by <see cref="MemorySimulator"/> under the memory model in force.
/// </summary>
internal sealed class NetAllocation
{
    private readonly ComputationGraph _graph;
    private readonly MemorySimulator _sim;
    private readonly double _weightPerByte;
    private readonly int[][]? _sharing;
    private readonly List<int> _affected = [];

    public NetAllocation(ComputationGraph graph, MemoryModelOptions memory, double weight)
    {
        _graph = graph;
        _sim = new MemorySimulator(graph, memory);
        _sharing = memory.Views && graph.HasAliases ? SharedBuffers(graph) : null;
        long total = 0;
        int producing = 0;
        for (int v = 0; v < graph.OpCount; v++)
        {
            long bytes = graph.OutputBytes(v);
            if (bytes > 0)
            {
                total += bytes;
                producing++;
            }
        }
        _weightPerByte = producing == 0 ? 0 : weight * producing / total;
    }

    /// <summary>The term for <paramref name="op"/> in the current state (the ops run so far).</summary>
    public double Of(int op) => _weightPerByte * (_sim.AllocatedBytes(op) - _sim.ReusedBytes(op) - _sim.FreedBy(op));

    /// <summary>Back to the empty schedule, for the next order of the same graph.</summary>
    public void Reset() => _sim.Reset();

    /// <summary>Runs <paramref name="op"/> in the simulator.</summary>
    public void Run(int op) => _sim.Execute(op);

    /// <summary>The ops whose term running <paramref name="op"/> (already run) may have changed: the other readers of
    /// an input whose last reader is now one op (it will free the tensor or write over it); over a whole order O(E).
    /// May repeat an op; the list is reused by the next call.
    /// Under views a buffer is freed when the readers of every tensor in it are done, so the readers of all of them count.</summary>
    public IReadOnlyList<int> Affected(int op)
    {
        _affected.Clear();
        foreach (int t in _graph.Inputs(op))
        {
            if (_sharing is null)
            {
                // One tensor per buffer: a reader's term changes only when it becomes the tensor's last reader.
                if (_sim.RemainingUses(t) == 1)
                {
                    AddReaders(t, op);
                }
                continue;
            }
            foreach (int member in _sharing[t])
            {
                AddReaders(member, op);
            }
        }
        return _affected;
    }

    private void AddReaders(int tensor, int except)
    {
        foreach (int c in _graph.Consumers(tensor))
        {
            if (c != except)
            {
                _affected.Add(c);
            }
        }
    }

    /// <summary>Per tensor, every tensor in its buffer (its alias chain's root and all views of that root).</summary>
    private static int[][] SharedBuffers(ComputationGraph graph)
    {
        var root = new int[graph.TensorCount];
        Array.Fill(root, -1);
        var members = new Dictionary<int, List<int>>();
        var path = new List<int>();
        for (int t = 0; t < root.Length; t++)
        {
            // Iteratively, remembering every tensor on the way: chains of thousands of reshapes stay linear.
            int r = t;
            path.Clear();
            while (root[r] < 0 && graph.AliasOf(r) >= 0)
            {
                path.Add(r);
                r = graph.AliasOf(r);
            }
            r = root[r] >= 0 ? root[r] : r;
            foreach (int p in path)
            {
                root[p] = r;
            }
            root[t] = r;
        }
        for (int t = 0; t < root.Length; t++)
        {
            int r = root[t];
            if (!members.TryGetValue(r, out var list))
            {
                members[r] = list = [];
            }
            list.Add(t);
        }
        var sharing = new int[root.Length][];
        foreach (var list in members.Values)
        {
            int[] shared = [.. list];
            foreach (int t in list)
            {
                sharing[t] = shared;
            }
        }
        return sharing;
    }
}
