using System.Diagnostics;
using Scheduler.Graphs;

namespace Scheduler.Baselines.Search;

/// <summary>
/// First-improvement local search (hill climbing, cf. Aarts &amp; Lenstra, "Local Search in Combinatorial
/// Optimization", 1997) from the best start order. A move takes one op to another position inside its legal window
/// (after its last predecessor, before its first successor), which keeps the order topological; moves are scored
/// incrementally by <see cref="OrderProfile"/> in O(d log N) each. The objective is (peak, number of steps at the
/// peak), so moves that thin out the peak plateau count as progress. Ops are visited in a seeded shuffle; each op
/// tries every target in a window of at most <see cref="MaxTargets"/> positions, else that many seeded samples plus
/// both window ends, and takes its best strict improvement. The search ends at a local optimum, after the evaluation
/// budget, or at the time limit (default 2 s). Only strict improvements are accepted, so the result is never worse
/// than the start. Given the seed the result is deterministic whenever the time limit is not what stops it.
/// </summary>
public sealed class LocalSearchScheduler : IScheduler
{
    /// <summary>Most target positions tried per op per pass.</summary>
    public const int MaxTargets = 48;

    private static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromSeconds(2);

    private readonly IReadOnlyList<IScheduler> _startHeuristics;
    private readonly TimeSpan _timeLimit;
    private readonly int _seed;
    private readonly long _maxEvaluations;

    /// <summary>Creates the search.</summary>
    /// <param name="startHeuristics">Orders to start from; the best is used (may be empty: greedy/Kahn fallback).</param>
    /// <param name="settings">Reads <see cref="SchedulerSettings.Seed"/> and <see cref="SchedulerSettings.TimeLimit"/>
    /// (null: 2 s); null means defaults.</param>
    /// <param name="maxEvaluations">Budget of scored moves.</param>
    /// <exception cref="ArgumentOutOfRangeException">The evaluation budget is negative.</exception>
    public LocalSearchScheduler(IReadOnlyList<IScheduler> startHeuristics, SchedulerSettings? settings = null,
        long maxEvaluations = 5_000_000)
    {
        ArgumentNullException.ThrowIfNull(startHeuristics);
        ArgumentOutOfRangeException.ThrowIfNegative(maxEvaluations);
        settings ??= SchedulerSettings.Default;
        _startHeuristics = startHeuristics;
        _timeLimit = settings.TimeLimit ?? DefaultTimeLimit;
        _seed = settings.Seed;
        _maxEvaluations = maxEvaluations;
    }

    /// <inheritdoc/>
    public string Name => "local";

    /// <inheritdoc/>
    public int[] Order(ComputationGraph graph, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var clock = Stopwatch.StartNew();
        var start = StartOrder.Best(graph, _startHeuristics, cancellationToken);
        var profile = new OrderProfile(graph, start.Order);
        var random = new Random(_seed);
        var ops = new int[graph.OpCount];
        for (int v = 0; v < ops.Length; v++)
        {
            ops[v] = v;
        }
        long evaluations = 0;
        bool improved = true;
        while (improved && evaluations < _maxEvaluations && clock.Elapsed < _timeLimit)
        {
            cancellationToken.ThrowIfCancellationRequested();
            improved = false;
            random.Shuffle(ops);
            foreach (int op in ops)
            {
                if (evaluations >= _maxEvaluations || ((evaluations & 63) == 0 && clock.Elapsed >= _timeLimit))
                {
                    break;
                }
                improved |= TryImprove(profile, op, random, ref evaluations);
            }
        }
        int[] order = profile.Order;
        Debug.Assert(MemoryModel.Evaluate(graph, order) == profile.Peak, "incremental peak drifted from the model");
        return profile.Peak <= start.Peak ? order : start.Order;
    }

    /// <summary>Tries the targets of one op and applies its best strict improvement of (peak, peak count).</summary>
    private static bool TryImprove(OrderProfile profile, int op, Random random, ref long evaluations)
    {
        var (low, high) = profile.Window(op);
        if (profile.MaxStep(low, high) < profile.Peak)
        {
            // Every move of op changes only steps inside its window, and none of them is at the peak.
            return false;
        }
        int current = profile.Position(op);
        long bestPeak = profile.Peak;
        int bestCount = profile.PeakCount, bestTarget = -1;
        int span = high - low + 1;
        int tries = Math.Min(span, MaxTargets);
        for (int k = 0; k < tries; k++)
        {
            int target = span <= MaxTargets ? low + k : k switch { 0 => low, 1 => high, _ => random.Next(low, high + 1) };
            if (target == current)
            {
                continue;
            }
            var (peak, count) = profile.Evaluate(op, target);
            evaluations++;
            if (peak < bestPeak || (peak == bestPeak && count < bestCount))
            {
                (bestPeak, bestCount, bestTarget) = (peak, count, target);
            }
        }
        if (bestTarget < 0)
        {
            return false;
        }
        profile.Apply(op, bestTarget);
        return true;
    }
}
