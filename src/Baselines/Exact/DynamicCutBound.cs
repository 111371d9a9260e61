using System.Numerics;
using Scheduler.Graphs;
using Scheduler.Graphs.Topology;

namespace Scheduler.Baselines.Exact;

/// <summary>
/// A lower bound on the peak of every completion of a partial order: the cut bound of docs/DESIGN.md §2 made state-aware.
/// For each unscheduled op v, its step must hold its outputs, its inputs made by ops not yet run, every tensor live
/// now that some unscheduled consumer c ∈ {v} ∪ descendants(v) still needs (it cannot die before c), and every graph
/// output already made. Max over v. The "still needed at v" test is one bit of a precomputed cover set per tensor:
/// ∪ over consumers c of {c} ∪ ancestors(c). Costs O(T + Σ_live N/64 + live·N) per call.
/// </summary>
internal sealed class DynamicCutBound
{
    private readonly ComputationGraph _graph;
    private readonly ulong[][] _cover;
    private readonly long[] _atStep;

    public DynamicCutBound(ComputationGraph graph, Reachability reach)
    {
        _graph = graph;
        int n = graph.OpCount, words = (n + 63) >> 6;
        _cover = new ulong[graph.TensorCount][];
        for (int t = 0; t < graph.TensorCount; t++)
        {
            var cover = new ulong[words];
            foreach (int c in graph.Consumers(t))
            {
                foreach (int a in reach.Ancestors(c).Ones())
                {
                    cover[a >> 6] |= 1UL << (a & 63);
                }
                cover[c >> 6] |= 1UL << (c & 63);
            }
            _cover[t] = cover;
        }
        _atStep = new long[n];
    }

    /// <summary>The bound for the state that <paramref name="sim"/> has reached by running <paramref name="scheduled"/>.</summary>
    public long Bound(MemorySimulator sim, bool[] scheduled, ReadOnlySpan<ulong> scheduledBits)
    {
        int n = _graph.OpCount;
        long always = 0;
        Array.Clear(_atStep);
        for (int t = 0; t < _graph.TensorCount; t++)
        {
            int p = _graph.Producer(t);
            bool made = p >= 0 ? scheduled[p] : _graph.IsFreeableInput(t) && _graph.Consumers(t).Length > 0;
            if (!made || _graph.IsResident(t))
            {
                continue;
            }
            if (_graph.IsGraphOutput(t))
            {
                always += _graph.TensorSize(t);
            }
            else if (sim.RemainingUses(t) > 0)
            {
                AddWhereNeeded(t, scheduledBits);
            }
        }
        long best = 0;
        for (int v = 0; v < n; v++)
        {
            if (scheduled[v])
            {
                continue;
            }
            long step = _atStep[v] + _graph.OutputBytes(v);
            foreach (int x in _graph.Inputs(v))
            {
                int p = _graph.Producer(x);
                if (p >= 0 && !scheduled[p])
                {
                    step += _graph.TensorSize(x);
                }
            }
            best = Math.Max(best, step);
        }
        return best + always;
    }

    private void AddWhereNeeded(int t, ReadOnlySpan<ulong> scheduledBits)
    {
        long size = _graph.TensorSize(t);
        var cover = _cover[t];
        for (int w = 0; w < cover.Length; w++)
        {
            ulong bits = cover[w] & ~scheduledBits[w];
            while (bits != 0)
            {
                _atStep[(w << 6) + BitOperations.TrailingZeroCount(bits)] += size;
                bits &= bits - 1;
            }
        }
    }
}
