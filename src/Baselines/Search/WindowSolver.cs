using System.Numerics;
using Scheduler.Graphs;

namespace Scheduler.Baselines.Search;

/// <summary>
/// Re-solves one window of a complete order exactly: the ops at positions <c>from .. from + length − 1</c> are
/// reordered, everything outside stays where it is. Why the window is a problem of its own: the ops before the window
/// form a fixed scheduled set, so the live bytes at the window's start are a constant; the ops of the window are
/// scheduled after all of them, and whatever order the window takes, the scheduled set after it is the same, so every
/// step after the window is unchanged. Only the window's steps move, and the window's predecessors outside it have all
/// run. The search is the minimax best-first dynamic program of the exact method (see
/// <c>Exact.DownSetSearch</c>) over down-sets of the window's sub-DAG, held as 64-bit masks, with the same free-op
/// reduction; its states replay their path from a saved simulator of the prefix, so the liveness rule stays the one of
/// <see cref="MemorySimulator"/>. Children whose step reaches <c>ceiling</c> are dropped, so the answer is the window
/// order with the lowest maximum step among those whose every step is below the ceiling, or none (then none exists,
/// unless the state limit cut the search).
/// </summary>
internal sealed class WindowSolver
{
    /// <summary>Largest window (ops are bits of one mask).</summary>
    public const int MaxLength = 64;

    private readonly ComputationGraph _graph;
    private readonly MemorySimulator _prefix, _work;
    private readonly int[] _local;
    private readonly ulong[] _predecessors = new ulong[MaxLength];
    private readonly int[] _ops = new int[MaxLength], _path = new int[MaxLength];
    private readonly Dictionary<ulong, int> _ids = new();
    private readonly List<State> _states = new();
    private readonly PriorityQueue<int, (long Key, int Depth, int Id)> _queue = new(Comparer<(long Key, int Depth, int Id)>.Create(
        // Lowest key first; among equal keys the deepest (it dives to a complete window order), then the oldest state.
        (a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : a.Depth != b.Depth ? b.Depth.CompareTo(a.Depth) : a.Id.CompareTo(b.Id)));

    public WindowSolver(ComputationGraph graph, MemoryModelOptions memory)
    {
        _graph = graph;
        _prefix = new MemorySimulator(graph, memory);
        _work = new MemorySimulator(graph, memory);
        _local = new int[graph.OpCount];
        Array.Fill(_local, -1);
    }

    /// <summary>What one solve found: a better window order (or null) and whether the search was complete.</summary>
    public readonly record struct Outcome(int[]? Window, long WindowPeak, bool Complete, int States);

    /// <summary>
    /// The best order of the window whose every step stays below <paramref name="ceiling"/>, written as the ops in
    /// window order (null when there is none or the <paramref name="stateLimit"/> cut the search; see
    /// <see cref="Outcome.Complete"/>).
    /// </summary>
    public Outcome Solve(int[] order, int from, int length, long ceiling, int stateLimit)
    {
        if (length < 1 || length > MaxLength || from < 0 || from + length > order.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(length), $"window {from}+{length} outside 1..{MaxLength} ops of an order of {order.Length}");
        }
        _prefix.Reset();
        for (int k = 0; k < from; k++)
        {
            _prefix.Execute(order[k]);
        }
        for (int i = 0; i < length; i++)
        {
            _ops[i] = order[from + i];
            _local[_ops[i]] = i;
        }
        for (int i = 0; i < length; i++)
        {
            ulong mask = 0;
            foreach (int p in _graph.Predecessors(_ops[i]))
            {
                if (_local[p] >= 0)
                {
                    mask |= 1UL << _local[p];
                }
            }
            _predecessors[i] = mask;
        }
        try
        {
            return Search(length, ceiling, stateLimit);
        }
        finally
        {
            for (int i = 0; i < length; i++)
            {
                _local[_ops[i]] = -1;
            }
            _ids.Clear();
            _states.Clear();
            _queue.Clear();
        }
    }

    private Outcome Search(int length, long ceiling, int stateLimit)
    {
        ulong full = length == 64 ? ulong.MaxValue : (1UL << length) - 1;
        Add(0, 0, -1, -1, 0);
        while (_queue.TryDequeue(out int id, out var priority))
        {
            var state = _states[id];
            if (state.Closed || priority.Key != state.Key)
            {
                continue;
            }
            _states[id] = state with { Closed = true };
            int depth = Replay(id);
            if (state.Mask == full)
            {
                return new Outcome(_path[..length].Select(i => _ops[i]).ToArray(), state.Key, true, _states.Count);
            }
            Expand(state, id, depth, length, ceiling);
            if (_states.Count > stateLimit)
            {
                return new Outcome(null, 0, false, _states.Count);
            }
        }
        return new Outcome(null, 0, true, _states.Count);
    }

    /// <summary>Sets the work simulator to the state's scheduled set by replaying its path from the prefix.</summary>
    private int Replay(int id)
    {
        int depth = _states[id].Depth;
        for (int k = depth - 1, s = id; k >= 0; k--, s = _states[s].Parent)
        {
            _path[k] = _states[s].LastOp;
        }
        _work.CopyFrom(_prefix);
        for (int k = 0; k < depth; k++)
        {
            _work.Execute(_ops[_path[k]]);
        }
        return depth;
    }

    /// <summary>Children of a state; a ready op that fits under the key and frees at least what it allocates is the only
    /// child (the exact method's free-op reduction: some optimal completion starts with it).</summary>
    private void Expand(State state, int id, int depth, int length, long ceiling)
    {
        ulong ready = 0;
        for (int i = 0; i < length; i++)
        {
            if ((state.Mask >> i & 1) == 0 && (_predecessors[i] & ~state.Mask) == 0)
            {
                ready |= 1UL << i;
            }
        }
        for (ulong bits = ready; bits != 0; bits &= bits - 1)
        {
            int i = BitOperations.TrailingZeroCount(bits);
            int v = _ops[i];
            long step = _work.StepBytes(v);
            if (step <= state.Key && step < ceiling && _work.FreedBy(v) + _work.ReusedBytes(v) >= _work.AllocatedBytes(v))
            {
                Relax(state.Mask | 1UL << i, state.Key, id, i, depth + 1);
                return;
            }
        }
        for (ulong bits = ready; bits != 0; bits &= bits - 1)
        {
            int i = BitOperations.TrailingZeroCount(bits);
            long key = Math.Max(state.Key, _work.StepBytes(_ops[i]));
            if (key < ceiling)
            {
                Relax(state.Mask | 1UL << i, key, id, i, depth + 1);
            }
        }
    }

    private void Relax(ulong mask, long key, int parent, int op, int depth)
    {
        if (!_ids.TryGetValue(mask, out int child))
        {
            Add(mask, key, parent, op, depth);
        }
        else if (!_states[child].Closed && key < _states[child].Key)
        {
            _states[child] = _states[child] with { Key = key, Parent = parent, LastOp = op };
            _queue.Enqueue(child, (key, depth, child));
        }
    }

    private void Add(ulong mask, long key, int parent, int op, int depth)
    {
        int id = _states.Count;
        _states.Add(new State(mask, key, parent, op, depth, false));
        _ids[mask] = id;
        _queue.Enqueue(id, (key, depth, id));
    }

    /// <summary>A down-set of the window: its best key (max step so far), the way in, and its size.</summary>
    private readonly record struct State(ulong Mask, long Key, int Parent, int LastOp, int Depth, bool Closed);
}
