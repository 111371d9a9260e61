using System.Diagnostics;

namespace Scheduler.Graphs.Topology;

/// <summary>
/// The ready list of a priority list scheduler: the ready ops of a <see cref="ReadyTracker"/> in a priority queue,
/// smallest key first, so that a greedy keeps only its rule — what an op's key is and when it changes. An op's key is
/// computed when it becomes ready, that is at the sources in the constructor and at <see cref="Release"/>, which the
/// caller invokes after updating whatever state the keys read (a simulator, positions). A ready op's key can be
/// recomputed (<see cref="Rekey"/>): a fresh entry is queued and the stale one is skipped when it comes up (lazy
/// invalidation). The queue is not stable, so a key must break its own ties (by op index) for a deterministic order.
/// </summary>
/// <typeparam name="TKey">The priority; smaller runs first under the comparer.</typeparam>
public sealed class ReadyList<TKey>
{
    private readonly ReadyTracker _tracker;
    private readonly Func<int, TKey> _key;
    private readonly PriorityQueue<(int Op, int Version), TKey> _queue;
    private readonly int[] _version;
    private readonly bool[] _popped;

    /// <summary>A ready list over <paramref name="graph"/> holding its sources, keyed by <paramref name="key"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> or <paramref name="key"/> is null.</exception>
    public ReadyList(ComputationGraph graph, Func<int, TKey> key, IComparer<TKey>? comparer = null)
    {
        _tracker = new ReadyTracker(graph);
        _key = Guard.NotNull(key, nameof(key));
        _queue = new PriorityQueue<(int, int), TKey>(graph.OpCount, comparer);
        _version = new int[graph.OpCount];
        _popped = new bool[graph.OpCount];
        foreach (int v in _tracker.Sources)
        {
            Push(v);
        }
    }

    /// <summary>Number of ready ops.</summary>
    public int Count { get; private set; }

    /// <summary>True when <paramref name="op"/> is ready and not yet popped.</summary>
    public bool IsReady(int op) => _tracker.IsReady(op) && !_popped[op];

    /// <summary>Removes and returns the ready op with the smallest key; <see cref="Release"/> it once it has run.</summary>
    /// <exception cref="InvalidOperationException">No op is ready.</exception>
    public int Pop()
    {
        while (true)
        {
            var (op, version) = _queue.Dequeue();
            if (!_popped[op] && version == _version[op])
            {
                _popped[op] = true;
                Count--;
                return op;
            }
        }
    }

    /// <summary>Records that the popped <paramref name="op"/> ran: the successors it makes ready join the list with
    /// keys computed now.</summary>
    public void Release(int op)
    {
        Debug.Assert(_popped[op], "Only a popped op can be released.");
        foreach (int w in _tracker.Run(op))
        {
            Push(w);
        }
    }

    /// <summary>Recomputes the key of the ready op <paramref name="op"/> (its old entry becomes stale).</summary>
    public void Rekey(int op)
    {
        Debug.Assert(IsReady(op), "Only a ready op can be rekeyed.");
        _version[op]++;
        _queue.Enqueue((op, _version[op]), _key(op));
    }

    /// <summary>
    /// A whole order: repeatedly the ready op with the smallest key (keys that depend only on the op, or on state
    /// <paramref name="key"/> reads without the order's help).
    /// </summary>
    public static int[] Order(ComputationGraph graph, Func<int, TKey> key, IComparer<TKey>? comparer = null, CancellationToken cancellationToken = default)
    {
        var ready = new ReadyList<TKey>(graph, key, comparer);
        var order = new int[graph.OpCount];
        for (int step = 0; step < order.Length; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            order[step] = ready.Pop();
            ready.Release(order[step]);
        }
        return order;
    }

    private void Push(int op)
    {
        _queue.Enqueue((op, _version[op]), _key(op));
        Count++;
    }
}
