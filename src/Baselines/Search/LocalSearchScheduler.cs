using System.Diagnostics;
using Scheduler.Graphs;

namespace Scheduler.Baselines.Search;

/// <summary>
/// Iterated local search (Lourenço, Martin &amp; Stützle, "Iterated Local Search", 2003) from the best start order.
/// A move takes one op to another position inside its legal window (after its last predecessor, before its first
/// successor), which keeps the order topological; moves are scored incrementally by <see cref="OrderProfile"/> in
/// O(d log N) each. The objective is (peak, number of steps at the peak), so moves that thin out the peak plateau
/// count as progress. A descent visits the ops in a seeded shuffle; each op tries every target of a window of at most
/// <see cref="MaxTargets"/> positions, else that many seeded samples plus both window ends, and applies its best strict
/// improvement; ops whose window holds no peak step are skipped, since no move of theirs can lower the peak. At a local
/// optimum the round's best order is kicked by 2 + N/25 random legal moves and the descent repeats, until the
/// evaluation budget (its work budget: <see cref="BaseEvaluations"/> scored moves × effort) or the lower bound is
/// reached. Above effort 1 the budget runs in rounds of the effort-1 budget (diverse restarts, issue 11): round 1 is
/// exactly the effort-1 search and each later round restarts from a <see cref="RestartOrders"/> order, kicking its own
/// best, so more effort never returns a worse order than effort 1. The best order seen is returned, so the result is
/// never worse than the start; given the seed it is deterministic. The wall-clock limit is only a safety cap, and a result it cuts says so.
/// </summary>
public sealed class LocalSearchScheduler : ISolvingScheduler
{
    /// <summary>Scored moves at effort 1.</summary>
    public const long BaseEvaluations = 5_000_000;

    /// <summary>Most target positions tried per op per pass.</summary>
    public const int MaxTargets = 48;

    /// <summary>
    /// Largest graph searched. An accepted move re-simulates the order (O(N + E)) and a kick makes 2 + N/25 of them, so
    /// a kick alone costs about N²/25 steps: 4·10⁴ moves of 10⁶ steps each at a million ops, where the search could
    /// only ever be cut by the safety cap (and so vary between runs). Above this the method is skipped, saying why.
    /// </summary>
    public const int MaxOps = 32_768;

    /// <summary>A kick moves 2 + N / KickDivisor random ops.</summary>
    private const int KickDivisor = 25;

    private readonly IReadOnlyList<IScheduler> _startHeuristics;
    private readonly SchedulerSettings _settings;
    private readonly int _seed;
    private readonly long _maxEvaluations;
    private readonly long _roundEvaluations;
    private readonly bool _windows;

    /// <summary>Creates the search.</summary>
    /// <param name="startHeuristics">Standalone start orders; the best is used (may be empty: greedy/Kahn fallback).</param>
    /// <param name="settings">Reads <see cref="SchedulerSettings.Seed"/>, <see cref="SchedulerSettings.Effort"/> and
    /// <see cref="SchedulerSettings.TimeLimit"/> (the safety cap; null: <see cref="SafetyCap.DefaultLimit"/>); null means defaults.</param>
    /// <param name="maxEvaluations">Budget of scored moves at effort 1.</param>
    /// <param name="windows">Also re-solve windows around the peak steps exactly at every local optimum
    /// (<see cref="WindowNeighbourhood"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">The evaluation budget is negative.</exception>
    public LocalSearchScheduler(IReadOnlyList<IScheduler> startHeuristics, SchedulerSettings? settings = null,
        long maxEvaluations = BaseEvaluations, bool windows = true)
    {
        _windows = windows;
        ArgumentNullException.ThrowIfNull(startHeuristics);
        ArgumentOutOfRangeException.ThrowIfNegative(maxEvaluations);
        settings ??= SchedulerSettings.Default;
        _startHeuristics = startHeuristics;
        _settings = settings;
        _seed = settings.Seed;
        _maxEvaluations = maxEvaluations == 0 ? 0 : settings.Scaled(maxEvaluations);
        _roundEvaluations = Math.Max(1, maxEvaluations);
    }

    /// <inheritdoc/>
    public string Name => "local";

    /// <inheritdoc/>
    public int[] Order(ComputationGraph graph, CancellationToken cancellationToken = default)
        => Solve(new GraphAnalysis(graph, _settings.Model), null, cancellationToken).Order;

    /// <inheritdoc/>
    /// <exception cref="NotSupportedException">The graph has more than <see cref="MaxOps"/> ops.</exception>
    public SolveResult Solve(GraphAnalysis analysis, StartOrder? start, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var graph = analysis.Graph;
        if (graph.OpCount > MaxOps)
        {
            throw new NotSupportedException(
                $"local: graph has {graph.OpCount} ops, limit {MaxOps}; every accepted move re-simulates the order and a kick makes N/25 of them, so its work grows as N².");
        }
        var cap = SafetyCap.Start(_settings);
        start = StartOrders.Resolve(analysis, start, _startHeuristics, cap, cancellationToken);
        var random = new Random(_seed);
        var ops = new int[graph.OpCount];
        for (int v = 0; v < ops.Length; v++)
        {
            ops[v] = v;
        }
        long floor = analysis.LowerBound, evaluations = 0;
        // Round 1 gets exactly the effort-1 budget (and the same random stream), so it is today's effort-1 run and the
        // best over all rounds is never worse than effort 1; every later round restarts elsewhere (RestartOrders).
        long roundEnd = Math.Min(_roundEvaluations, _maxEvaluations);
        var windows = _windows ? new WindowNeighbourhood(graph, analysis.Memory, _seed, roundEnd) : null;
        var trace = new AnytimeTrace();
        trace.Offer(0, start.Peak);
        var (best, bestPeak) = Round(graph, analysis.Memory, start.Order, floor, roundEnd, windows, ops, random, cap, trace, cancellationToken, ref evaluations);
        int rounds = 1, bestRound = 1;
        string bestSource = start.Source;
        var restarts = new RestartOrders(analysis, start, _startHeuristics, cancellationToken);
        while (bestPeak > floor && graph.OpCount >= 2 && roundEnd < _maxEvaluations && !cap.IsReached)
        {
            roundEnd = Math.Min(roundEnd + _roundEvaluations, _maxEvaluations);
            rounds++;
            var (from, source, work) = restarts.Next(rounds, best, random, cap);
            evaluations += work;
            var (order, peak) = Round(graph, analysis.Memory, from, floor, roundEnd, windows, ops, random, cap, trace, cancellationToken, ref evaluations);
            if (peak < bestPeak)
            {
                (best, bestPeak, bestRound, bestSource) = (order, peak, rounds, source);
            }
        }
        Debug.Assert(MemoryModel.Evaluate(graph, best, analysis.Memory) == bestPeak, "incremental peak drifted from the model");
        Debug.Assert(trace.BestPeak == bestPeak, "the anytime curve must end at the returned peak");
        string roundsNote = rounds == 1 ? "" : $", {rounds} rounds (best from round {bestRound}: {bestSource})";
        if (bestPeak <= floor)
        {
            return new SolveResult(best, SolveStatus.Optimal, bestPeak, $"local: peak {bestPeak} meets the lower bound ({evaluations:N0} moves{roundsNote}).", Work: evaluations)
            {
                Trace = trace.Points,
            };
        }
        bool capped = evaluations < _maxEvaluations && graph.OpCount >= 2;
        return new SolveResult(best, SolveStatus.Feasible, null,
            capped ? $"local: stopped by the {cap} after {evaluations:N0} of {_maxEvaluations:N0} moves{roundsNote}."
                   : $"local: {evaluations:N0} moves from {start.Source} (peak {start.Peak}){(windows is null ? "" : $", {windows}")}{roundsNote}.", capped, evaluations)
        {
            Trace = trace.Points,
        };
    }

    /// <summary>
    /// One round of iterated local search from <paramref name="from"/> until <paramref name="limit"/> evaluations (a
    /// running total), the lower bound or the cap: descend, re-solve windows at the local optimum, keep the round's best,
    /// kick it, repeat. Returns the round's best order and peak (never worse than <paramref name="from"/>). Every accepted
    /// move and window solve is offered to <paramref name="trace"/>, which keeps the falls of the best peak over all rounds.
    /// </summary>
    private (int[] Order, long Peak) Round(ComputationGraph graph, MemoryModelOptions memory, int[] from, long floor, long limit, WindowNeighbourhood? windows,
        int[] ops, Random random, SafetyCap cap, AnytimeTrace trace, CancellationToken cancellationToken, ref long evaluations)
    {
        var profile = new OrderProfile(graph, from, memory);
        int[] best = profile.Order;
        long bestPeak = profile.Peak;
        while (true)
        {
            Descend(profile, ops, random, limit, cap, trace, cancellationToken, ref evaluations);
            // At a local optimum of single-op moves, re-solve windows around the peak steps exactly; each success
            // removes a peak step, and the descent goes on from the new order.
            while (windows is not null && profile.Peak > floor
                   && windows.Improve(profile, ref evaluations, limit, cap, cancellationToken) is { } better)
            {
                profile = better;
                trace.Offer(evaluations, profile.Peak);
                Descend(profile, ops, random, limit, cap, trace, cancellationToken, ref evaluations);
            }
            if (profile.Peak < bestPeak)
            {
                (best, bestPeak) = (profile.Order, profile.Peak);
            }
            if (bestPeak <= floor || graph.OpCount < 2 || evaluations >= limit || cap.IsReached)
            {
                return (best, bestPeak);
            }
            // Iterated local search (Lourenço, Martin & Stützle 2003): kick the round's best order with a few random
            // legal moves and descend again; the kicks count against the budget so the loop always ends.
            profile = new OrderProfile(graph, best, memory);
            evaluations += Kick(profile, graph.OpCount, 2 + graph.OpCount / KickDivisor, random, cap);
        }
    }

    /// <summary>Moves <paramref name="kicks"/> random ops to random positions in their legal windows; returns the work
    /// to charge (one evaluation a move).</summary>
    internal static int Kick(OrderProfile profile, int n, int kicks, Random random, SafetyCap cap)
    {
        for (int k = 0; k < kicks && !cap.ReachedAfter(profile.RebuildWork); k++)
        {
            int op = random.Next(n);
            var (low, high) = profile.Window(op);
            profile.Apply(op, random.Next(low, high + 1));
        }
        return kicks;
    }

    /// <summary>First-improvement passes over the ops in a seeded shuffle until a pass improves nothing.</summary>
    private static void Descend(OrderProfile profile, int[] ops, Random random, long limit, SafetyCap cap, AnytimeTrace trace, CancellationToken ct,
        ref long evaluations)
    {
        bool improved = true;
        while (improved && evaluations < limit && !cap.IsReached)
        {
            ct.ThrowIfCancellationRequested();
            improved = false;
            random.Shuffle(ops);
            foreach (int op in ops)
            {
                if (evaluations >= limit || cap.IsReached)
                {
                    break;
                }
                evaluations++;
                if (TryImprove(profile, op, random, ref evaluations))
                {
                    improved = true;
                    trace.Offer(evaluations, profile.Peak);
                }
            }
        }
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
            evaluations += profile.EvaluationCost;
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
