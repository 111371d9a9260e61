using Scheduler.Graphs.Topology;

namespace Scheduler.Graphs;

/// <summary>
/// The closure bound (docs/DESIGN.md §2): for an op v, the least bytes its step can hold over every set X of ops that
/// could have run before it — X contains v's ancestors (and, state-aware, the ops already scheduled), is closed under
/// predecessors, and holds neither v nor a descendant of v. A buffer is held at v's step when it was allocated in X and
/// is pinned, or read by an op outside X (v included). Every order runs v after some such X, so its peak is at least the
/// minimum at every op; the cut bound counts only the buffers held for every X, this bound the least any X can hold.
/// <para>The minimum is a minimum s-t cut (Picard's minimum-weight closure, 1976): X is the source side; a buffer b
/// allocated by p costs its size when p is in X and its "all readers done" node z_b is not, with z_b → reader edges
/// no cut may cross; closure edges run from an op to its predecessors. Ancestors and scheduled ops are merged into the
/// source, v and its descendants into the sink, so only the ops incomparable with v (and not yet run) remain.</para>
/// <para>Buffers are storage classes (<see cref="StorageClasses"/>: views share their root's buffer), and v's own term
/// is what it allocates less the most it could reuse in place, as in the cut bound; a live buffer is never shared by
/// two live tensors under reuse (it is handed on only at its last read), so the sum over buffers stays a lower bound
/// under every option. One instance reuses its flow network, so it is not thread-safe.</para>
/// </summary>
public sealed class ClosureBound
{
    private const int Source = 0, Sink = 1;
    private const byte Free = 0, Before = 1, After = 2;

    private readonly ComputationGraph _graph;
    private readonly Reachability _reach;
    private readonly long[] _ownBytes;
    private readonly int[] _buffers, _producer;
    private readonly long[] _size;
    private readonly bool[] _pinned;
    private readonly int[][] _readers;
    private readonly byte[] _side;
    private readonly int[] _node;
    private readonly MaximumFlow _flow = new();

    /// <summary>The bound for <paramref name="graph"/> under <paramref name="options"/>, from its closure.</summary>
    public ClosureBound(ComputationGraph graph, Reachability reach, MemoryModelOptions options)
    {
        _graph = Guard.NotNull(graph, nameof(graph));
        _reach = Guard.NotNull(reach, nameof(reach));
        Guard.NotNull(options, nameof(options));
        var classes = StorageClasses.Of(graph, options);
        int n = graph.OpCount;
        _ownBytes = new long[n];
        for (int v = 0; v < n; v++)
        {
            _ownBytes[v] = classes.Allocated[v] - MemoryModel.MostReusable(graph, options, classes, v);
        }
        var readers = new List<int>?[graph.TensorCount];
        for (int t = 0; t < graph.TensorCount; t++)
        {
            var list = readers[classes.Root[t]] ??= [];
            foreach (int c in graph.Consumers(t))
            {
                if (!list.Contains(c))
                {
                    list.Add(c);
                }
            }
        }
        var buffers = new List<int>();
        for (int r = 0; r < graph.TensorCount; r++)
        {
            // A buffer nobody reads and nothing pins is freed at the step that made it (or, as an input, never held).
            if (classes.Root[r] != r || graph.IsResident(r) || graph.TensorSize(r) == 0)
            {
                continue;
            }
            if (readers[r]!.Count > 0 || (classes.Pinned[r] && graph.Producer(r) >= 0))
            {
                buffers.Add(r);
            }
        }
        _buffers = [.. buffers];
        _producer = [.. buffers.Select(graph.Producer)];
        _size = [.. buffers.Select(graph.TensorSize)];
        _pinned = [.. buffers.Select(r => classes.Pinned[r])];
        _readers = [.. buffers.Select(r => readers[r]!.ToArray())];
        _side = new byte[n];
        _node = new int[n];
    }

    /// <summary>Flow edges scanned so far by this instance: the deterministic measure of its work.</summary>
    public long Work { get; private set; }

    /// <summary>The least bytes <paramref name="op"/>'s step holds in any order.</summary>
    public long AtStep(int op) => AtStep(op, default);

    /// <summary>The least bytes <paramref name="op"/>'s step holds in any order that starts with the ops set in
    /// <paramref name="scheduled"/> (bits by op index; empty for none) — a set closed under predecessors that holds
    /// neither <paramref name="op"/> nor a descendant of it.</summary>
    public long AtStep(int op, ReadOnlySpan<ulong> scheduled)
    {
        int free = ClassifyOps(op, scheduled);
        _flow.Reset(2 + free + _buffers.Length);
        int nextNode = 2 + free;
        long held = _ownBytes[op];
        for (int b = 0; b < _buffers.Length; b++)
        {
            int p = _producer[b];
            byte made = p < 0 ? Before : _side[p];
            if (made == After)
            {
                continue;
            }
            bool readLater = _pinned[b];
            int freeReaders = 0, onlyReader = -1;
            foreach (int c in _readers[b])
            {
                if (_side[c] == After)
                {
                    readLater = true;
                }
                else if (_side[c] == Free)
                {
                    freeReaders++;
                    onlyReader = c;
                }
            }
            int from = made == Before ? Source : _node[p];
            if (readLater)
            {
                if (made == Before)
                {
                    held += _size[b];
                }
                else
                {
                    _flow.AddEdge(from, Sink, _size[b]);
                }
            }
            else if (freeReaders == 1)
            {
                _flow.AddEdge(from, _node[onlyReader], _size[b]);
            }
            else if (freeReaders > 1)
            {
                int done = nextNode++;
                _flow.AddEdge(from, done, _size[b]);
                foreach (int c in _readers[b])
                {
                    if (_side[c] == Free)
                    {
                        _flow.AddEdge(done, _node[c], MaximumFlow.Infinite);
                    }
                }
            }
        }
        for (int w = 0; w < _graph.OpCount; w++)
        {
            if (_side[w] != Free)
            {
                continue;
            }
            foreach (int u in _graph.Predecessors(w))
            {
                if (_side[u] == Free)
                {
                    _flow.AddEdge(_node[w], _node[u], MaximumFlow.Infinite);
                }
            }
        }
        held += _flow.Solve(Source, Sink);
        Work += _flow.Work + _graph.OpCount + _buffers.Length;
        return held;
    }

    /// <summary>Sorts the ops into run before <paramref name="op"/> (its ancestors and the scheduled ops), after it
    /// (itself and its descendants) and free, numbering the free ones as flow nodes from 2; returns how many are free.</summary>
    private int ClassifyOps(int op, ReadOnlySpan<ulong> scheduled)
    {
        var ancestors = _reach.Ancestors(op);
        var descendants = _reach.Descendants(op);
        int free = 0;
        for (int u = 0; u < _graph.OpCount; u++)
        {
            bool done = !scheduled.IsEmpty && (scheduled[u >> 6] & (1UL << (u & 63))) != 0;
            if (done || ancestors.Get(u))
            {
                _side[u] = Before;
            }
            else if (u == op || descendants.Get(u))
            {
                _side[u] = After;
            }
            else
            {
                _side[u] = Free;
                _node[u] = 2 + free++;
            }
        }
        return free;
    }
}
