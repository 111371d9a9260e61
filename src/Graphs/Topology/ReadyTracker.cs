namespace Scheduler.Graphs.Topology;

/// <summary>
/// Kahn's readiness bookkeeping (Kahn, "Topological sorting of large networks", CACM 1962), the skeleton every list
/// scheduler shares: for each op, how many of its predecessors have not run yet. An op is ready when that count is zero
/// and it has not run itself. <see cref="Run"/> records that an op ran and returns the successors it made ready; which
/// ready op goes next is the caller's rule (<see cref="ReadyList{TKey}"/> keeps them in a priority queue). O(V + E)
/// over a whole order.
/// </summary>
public sealed class ReadyTracker
{
    private readonly ComputationGraph _graph;
    private readonly int[] _waiting;
    private readonly int[] _sources;
    private readonly int[] _released;

    /// <summary>Starts before the first step: the ready ops are the sources.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is null.</exception>
    public ReadyTracker(ComputationGraph graph)
    {
        _graph = Guard.NotNull(graph, nameof(graph));
        int n = graph.OpCount;
        _waiting = new int[n];
        var sources = new List<int>();
        int maxOut = 0;
        for (int v = 0; v < n; v++)
        {
            _waiting[v] = graph.Predecessors(v).Length;
            maxOut = Math.Max(maxOut, graph.Successors(v).Length);
            if (_waiting[v] == 0)
            {
                sources.Add(v);
            }
        }
        _sources = [.. sources];
        _released = new int[maxOut];
    }

    /// <summary>The ops with no predecessors, ascending: the ready ops before the first step.</summary>
    public ReadOnlySpan<int> Sources => _sources;

    /// <summary>True when every predecessor of <paramref name="op"/> has run and it has not.</summary>
    public bool IsReady(int op) => _waiting[op] == 0;

    /// <summary>True once <paramref name="op"/> has run.</summary>
    public bool HasRun(int op) => _waiting[op] < 0;

    /// <summary>
    /// Records that the ready op <paramref name="op"/> ran; returns the successors that are ready now, in successor
    /// (ascending) order. The span is valid until the next call.
    /// </summary>
    /// <exception cref="InvalidOperationException"><paramref name="op"/> is not ready.</exception>
    public ReadOnlySpan<int> Run(int op)
    {
        if (_waiting[op] != 0)
        {
            throw new InvalidOperationException(HasRun(op)
                ? $"Op {op} has already run."
                : $"Op {op} is not ready: {_waiting[op]} of its predecessors have not run.");
        }
        _waiting[op] = -1;
        int count = 0;
        foreach (int w in _graph.Successors(op))
        {
            if (--_waiting[w] == 0)
            {
                _released[count++] = w;
            }
        }
        return _released.AsSpan(0, count);
    }
}
