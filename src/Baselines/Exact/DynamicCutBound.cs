using System.Numerics;
using Scheduler.Graphs;
using Scheduler.Graphs.Topology;

namespace Scheduler.Baselines.Exact;

/// <summary>
/// A lower bound on the peak of every completion of a partial order: the cut bound of docs/DESIGN.md §2 made state-aware.
/// For each unscheduled op v, its step holds what the static cut bound puts there — v's outputs and every tensor made by
/// an ancestor of v and read at or after v (<see cref="MemoryModel.CutBoundAtSteps"/>), which still holds in any state,
/// made or not — plus what the state adds: a tensor made and still live is also held at every unscheduled op v that
/// is not a descendant of its producer but that a consumer still waits on (v is a consumer or an ancestor of one), and
/// a graph output once made at every op. Max over unscheduled v. The state-added ops of a tensor are one precomputed
/// bitset: (∪ over consumers c of {c} ∪ ancestors(c), or every op for a graph output) minus descendants(producer).
/// Costs O(N + Σ_live N/64 + the ops those sets hold) per call.
/// </summary>
internal sealed class DynamicCutBound
{
    private readonly ComputationGraph _graph;
    private readonly long[] _staticAtStep;
    private readonly ulong[]?[] _addedWhenLive;
    private readonly long[] _atStep;

    /// <summary>The bound for <c>analysis.Graph</c>; the analysis must be under the default memory model, whose
    /// liveness rule the state-added sets describe.</summary>
    public DynamicCutBound(GraphAnalysis analysis)
    {
        if (!analysis.Memory.IsDefault)
        {
            throw new ArgumentException("The state-aware cut bound holds under the default memory model only.", nameof(analysis));
        }
        var graph = analysis.Graph;
        var reach = analysis.Reachability;
        _graph = graph;
        int n = graph.OpCount, words = (n + 63) >> 6;
        _staticAtStep = analysis.CutBoundAtSteps.ToArray();
        _addedWhenLive = new ulong[]?[graph.TensorCount];
        for (int t = 0; t < graph.TensorCount; t++)
        {
            int p = graph.Producer(t);
            if (graph.IsResident(t) || graph.TensorSize(t) == 0 || (p < 0 && !graph.IsGraphOutput(t)))
            {
                // A freeable input's static term is already every op that waits on it: nothing to add.
                continue;
            }
            var waiting = new BitSet(n);
            foreach (int c in graph.Consumers(t))
            {
                waiting.Or(reach.Ancestors(c));
                waiting.Set(c);
            }
            var added = new ulong[words];
            for (int v = 0; v < n; v++)
            {
                if ((graph.IsGraphOutput(t) || waiting.Get(v)) && (p < 0 || !reach.Descendants(p).Get(v)))
                {
                    added[v >> 6] |= 1UL << (v & 63);
                }
            }
            _addedWhenLive[t] = added;
        }
        _atStep = new long[n];
    }

    /// <summary>The bound for the state that <paramref name="sim"/> has reached by running <paramref name="scheduled"/>.</summary>
    public long Bound(MemorySimulator sim, bool[] scheduled, ReadOnlySpan<ulong> scheduledBits)
    {
        int n = _graph.OpCount;
        Array.Copy(_staticAtStep, _atStep, n);
        for (int t = 0; t < _graph.TensorCount; t++)
        {
            if (_addedWhenLive[t] is not { } added)
            {
                continue;
            }
            int p = _graph.Producer(t);
            bool made = p >= 0 ? scheduled[p] : _graph.Consumers(t).Length > 0;
            if (made && (_graph.IsGraphOutput(t) || sim.RemainingUses(t) > 0))
            {
                AddWhereUnscheduled(added, _graph.TensorSize(t), scheduledBits);
            }
        }
        long best = 0;
        for (int v = 0; v < n; v++)
        {
            if (!scheduled[v])
            {
                best = Math.Max(best, _atStep[v]);
            }
        }
        return best;
    }

    private void AddWhereUnscheduled(ulong[] ops, long size, ReadOnlySpan<ulong> scheduledBits)
    {
        for (int w = 0; w < ops.Length; w++)
        {
            ulong bits = ops[w] & ~scheduledBits[w];
            while (bits != 0)
            {
                _atStep[(w << 6) + BitOperations.TrailingZeroCount(bits)] += size;
                bits &= bits - 1;
            }
        }
    }
}
