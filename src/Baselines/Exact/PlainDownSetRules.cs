using System.Numerics;
using Scheduler.Graphs;

namespace Scheduler.Baselines.Exact;

/// <summary>
/// The liveness rule of the default memory model (<see cref="MemorySimulator"/>'s plain path) read off a scheduled set
/// directly, so the exact search need not replay a state's path to expand it: an op is ready when its predecessors
/// are in the set; a tensor still has a use when one of its consumers is outside it; running v next frees each
/// freeable input of v whose only consumer outside the set is v, and v's outputs that nothing reads. With the live
/// bytes of the set (stored per state; the simulator gives the empty set's) that gives every step cost the search needs — a bit test per predecessor, O(W)
/// words per input tensor (W = words per set) — instead of a replay that walks the state's parent chain through memory.
/// Only valid under <see cref="MemoryModelOptions.IsDefault"/>; views and in-place reuse need the simulator's state.
/// </summary>
internal sealed class PlainDownSetRules
{
    private readonly ComputationGraph _graph;
    private readonly int _words;
    private readonly ulong[] _consumers;
    private readonly long[] _unreadOutputBytes;

    public PlainDownSetRules(ComputationGraph graph)
    {
        _graph = graph;
        int n = graph.OpCount;
        _words = (n + 63) >> 6;
        _unreadOutputBytes = new long[n];
        for (int v = 0; v < n; v++)
        {
            foreach (int t in graph.Outputs(v))
            {
                if (graph.Consumers(t).Length == 0 && !graph.IsGraphOutput(t))
                {
                    _unreadOutputBytes[v] += graph.TensorSize(t);
                }
            }
        }
        _consumers = new ulong[graph.TensorCount * _words];
        for (int t = 0; t < graph.TensorCount; t++)
        {
            foreach (int c in graph.Consumers(t))
            {
                _consumers[t * _words + (c >> 6)] |= 1UL << (c & 63);
            }
        }
    }

    /// <summary>Writes the ops ready at <paramref name="set"/>, in increasing id, to <paramref name="ready"/>; returns
    /// how many.</summary>
    public int Ready(ReadOnlySpan<ulong> set, Span<int> ready)
    {
        int count = 0;
        for (int w = 0; w < _words; w++)
        {
            ulong open = ~set[w];
            if (w == _words - 1 && (_graph.OpCount & 63) != 0)
            {
                open &= (1UL << (_graph.OpCount & 63)) - 1;
            }
            while (open != 0)
            {
                int v = (w << 6) + BitOperations.TrailingZeroCount(open);
                open &= open - 1;
                if (AllIn(_graph.Predecessors(v), set))
                {
                    ready[count++] = v;
                }
            }
        }
        return count;
    }

    /// <summary>Bytes running <paramref name="op"/> (ready, outside <paramref name="set"/>) would free: what
    /// <see cref="MemorySimulator.FreedBy"/> gives after running <paramref name="set"/> under the default model.</summary>
    public long FreedBy(int op, ReadOnlySpan<ulong> set)
    {
        long freed = _unreadOutputBytes[op];
        int word = op >> 6;
        ulong self = 1UL << (op & 63);
        foreach (int t in _graph.Inputs(op))
        {
            if (_graph.IsGraphOutput(t) || _graph.IsResident(t))
            {
                continue;
            }
            var consumers = _consumers.AsSpan(t * _words, _words);
            bool last = true;
            for (int w = 0; w < _words && last; w++)
            {
                ulong left = consumers[w] & ~set[w];
                last = (w == word ? left & ~self : left) == 0;
            }
            if (last)
            {
                freed += _graph.TensorSize(t);
            }
        }
        return freed;
    }

    private static bool AllIn(ReadOnlySpan<int> ops, ReadOnlySpan<ulong> set)
    {
        foreach (int p in ops)
        {
            if ((set[p >> 6] & (1UL << (p & 63))) == 0)
            {
                return false;
            }
        }
        return true;
    }
}
