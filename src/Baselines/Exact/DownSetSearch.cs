using System.Diagnostics;
using Scheduler.Graphs;

namespace Scheduler.Baselines.Exact;

/// <summary>
/// Minimax shortest path over down-sets (scheduled sets) of the DAG. The scheduled set alone fixes the live bytes, so
/// the best peak to reach a set is a function of the set — the "signature" of Serenity's dynamic program (Ahn et al.,
/// "Ordering Chaos: Memory-Aware Scheduling of Irregular Networks on the Edge", MLSys 2020). Because the path cost
/// max(step) never decreases along a path, a best-first search in order of peak key (Dijkstra 1959 for the bottleneck
/// objective) closes every set with its optimal key, and the first complete set popped is optimal.
/// <list type="bullet">
/// <item>Keys are max(peak so far, lower bound): every order pays the lower bound, so differences below it are noise,
/// and equal keys pop deepest first, which dives straight to a complete order when the optimum meets the bound.</item>
/// <item>Budget pruning (Serenity's divide-and-conquer budget): children whose key reaches the best start order's peak
/// are dropped; if nothing is left, the start order is optimal.</item>
/// <item>Free-op reduction (our own, proven in the comment of <see cref="Expand"/>): a ready op whose step stays under
/// the current key and which frees at least what it allocates is run at once as the only child.</item>
/// </list>
/// The liveness rule: under the default model <see cref="PlainDownSetRules"/> reads it off a state's set and its stored
/// live bytes; under views or in-place reuse a popped state is rebuilt by replaying its path on <see cref="MemorySimulator"/>.
/// (Until 2026-12-06 a popped state's key was also raised to a state-aware cut bound on its completion, A* style. With
/// the closure bound as the root key it saved 0–0.3% of the states on layered graphs of 100–500 ops and at most 14%
/// on one, at 1.5–2.3× the time, so it was removed; docs/results/lns.md, "Exact without the completion bound".)
/// </summary>
internal sealed class DownSetSearch
{
    private readonly ComputationGraph _graph;
    private readonly long _lowerBound, _budget;
    private readonly int _stateLimit;
    private readonly SafetyCap _cap;
    private readonly int _n, _words;
    private readonly DownSetStore _store;
    private readonly ExactQueue _queue = new();
    private readonly MemorySimulator _sim;
    private readonly bool[] _scheduled;
    private readonly int[] _path, _ready;
    private readonly long[] _readyLiveAfter;
    private readonly ulong[] _scratch, _current;
    private readonly PlainDownSetRules? _rules;

    public DownSetSearch(GraphAnalysis analysis, long budget, int stateLimit, SafetyCap cap)
    {
        var graph = analysis.Graph;
        long lowerBound = analysis.LowerBound;
        _graph = graph;
        _lowerBound = lowerBound;
        _budget = budget;
        _stateLimit = stateLimit;
        _cap = cap;
        _n = graph.OpCount;
        _words = (_n + 63) >> 6;
        // A pop adds at most one child per op, and the search stops once the count passes the limit.
        _store = new DownSetStore(_words, maxStates: (int)Math.Min(int.MaxValue, (long)stateLimit + _n + 1));
        _sim = new MemorySimulator(graph, analysis.Memory);
        _scheduled = new bool[_n];
        _path = new int[_n];
        _ready = new int[_n];
        _readyLiveAfter = new long[_n];
        _scratch = new ulong[_words];
        _current = new ulong[_words];
        // Under the default model a state's set and live bytes decide everything an expansion needs; under views or
        // in-place reuse a popped state's path is replayed on the simulator.
        _rules = analysis.Memory.IsDefault ? new PlainDownSetRules(graph) : null;
    }

    /// <summary>Runs the search. Every pop scans the ops (and, off the default model, replays a path): O(N) work, so
    /// the cap is charged by that work rather than polled every so many pops: its latency stays bounded on a
    /// 100,000-op graph too.</summary>
    public DownSetOutcome Run(CancellationToken ct)
    {
        _sim.Reset();
        int root = _store.Add(_scratch, _lowerBound, _sim.LiveBytes, -1, -1);
        _queue.Enqueue(new ExactQueueKey(_lowerBound, 0, root));
        long bound = _lowerBound;
        while (_queue.TryDequeue(out var queued))
        {
            int id = queued.Id;
            // Every open state has an entry under its current key; one under another key is stale (the key was lowered
            // by a better path since). Expanding a stale entry would count a key that is not the least one left.
            if (_store.IsClosed(id) || queued.Key != _store.Key(id))
            {
                continue;
            }
            ct.ThrowIfCancellationRequested();
            if (_cap.ReachedAfter(_n + _words))
            {
                return new DownSetOutcome(null, bound, _store.Count, $"{_cap} reached", Capped: true);
            }
            _store.CopySet(id, _current);
            int depth = _rules is null ? Replay(id) : _store.Depth(id);
            _store.Close(id);
            bound = Math.Max(bound, _store.Key(id));
            if (depth == _n)
            {
                TracePath(id, depth);
                return new DownSetOutcome((int[])_path.Clone(), bound, _store.Count, null);
            }
            Expand(id, depth);
            if (_store.Count > _stateLimit)
            {
                return Stop(bound, $"state limit {_stateLimit:N0} reached");
            }
        }
        // Nothing under the budget: the start order (whose peak is the budget) is optimal.
        return new DownSetOutcome(null, _budget, _store.Count, null);
    }

    private DownSetOutcome Stop(long bound, string reason) => new(null, bound, _store.Count, reason);

    /// <summary>Writes the best way into a state, op by op, to the front of <c>_path</c>.</summary>
    private void TracePath(int id, int depth)
    {
        for (int i = depth - 1, s = id; i >= 0; i--, s = _store.Parent(s))
        {
            _path[i] = _store.LastOp(s);
        }
    }

    /// <summary>Rebuilds the simulator and scheduled flags of a state by replaying its path; returns its depth.</summary>
    private int Replay(int id)
    {
        int depth = _store.Depth(id);
        TracePath(id, depth);
        _sim.Reset();
        Array.Clear(_scheduled);
        for (int i = 0; i < depth; i++)
        {
            _sim.Execute(_path[i]);
            _scheduled[_path[i]] = true;
        }
        return depth;
    }

    /// <summary>
    /// Adds the children of a popped state. Why the free-op reduction is exact: let v be ready at S with
    /// live(S) + out(v) ≤ key and FreedBy(v) ≥ out(v). Take any completion and move v to its front. The moved step
    /// costs at most key, which the completion pays anyway; every step between v's new and old place sees v's live
    /// outputs added and its dying inputs (whose other consumers are all in S) removed, a net change of
    /// out(v) − FreedBy(v) ≤ 0; steps after v's old place are unchanged. So some optimal completion starts with v.
    /// Under views and in-place reuse out(v) is what v allocates less what it reuses: the buffers v frees have no
    /// other reader left, so v reuses and frees the same at either place, and an op in between can only gain a donor
    /// (a buffer v no longer reads), which lowers its step.
    /// </summary>
    private void Expand(int id, int depth)
    {
        long key = _store.Key(id), live = _store.Live(id);
        int readyCount = _rules?.Ready(_current, _ready) ?? ReadyBySimulation();
        for (int k = 0; k < readyCount; k++)
        {
            int v = _ready[k];
            long step = StepBytes(v, live), freed = FreedBy(v);
            long reused = _rules is null ? _sim.ReusedBytes(v) : 0;
            long allocated = _rules is null ? _sim.AllocatedBytes(v) : _graph.OutputBytes(v);
            if (step <= key && freed + reused >= allocated)
            {
                Relax(id, v, key, step - freed, depth + 1);
                return;
            }
            _readyLiveAfter[k] = step - freed;
        }
        for (int k = 0; k < readyCount; k++)
        {
            int v = _ready[k];
            long childKey = Math.Max(key, StepBytes(v, live));
            if (childKey < _budget)
            {
                Relax(id, v, childKey, _readyLiveAfter[k], depth + 1);
            }
        }
    }

    private long StepBytes(int op, long live) => _rules is null ? _sim.StepBytes(op) : live + _graph.OutputBytes(op);

    private long FreedBy(int op) => _rules?.FreedBy(op, _current) ?? _sim.FreedBy(op);

    private int ReadyBySimulation()
    {
        int count = 0;
        for (int v = 0; v < _n; v++)
        {
            if (!_scheduled[v] && AllScheduled(_graph.Predecessors(v)))
            {
                _ready[count++] = v;
            }
        }
        return count;
    }

    private void Relax(int parent, int op, long key, long live, int depth)
    {
        _store.CopySet(parent, _scratch);
        _scratch[op >> 6] |= 1UL << (op & 63);
        int child = _store.Find(_scratch);
        if (child < 0)
        {
            child = _store.Add(_scratch, key, live, parent, op);
        }
        else if (!_store.IsClosed(child) && key < _store.Key(child))
        {
            _store.Improve(child, key, parent, op);
        }
        else
        {
            return;
        }
        _queue.Enqueue(new ExactQueueKey(key, depth, child));
    }

    private bool AllScheduled(ReadOnlySpan<int> ops)
    {
        foreach (int p in ops)
        {
            if (!_scheduled[p])
            {
                return false;
            }
        }
        return true;
    }
}
