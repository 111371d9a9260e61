using Scheduler.Baselines.Search;
using Scheduler.Graphs;

namespace Scheduler.Baselines.Exact;

/// <summary>
/// Exact minimum-peak scheduling by a best-first dynamic program over scheduled sets (Serenity, Ahn et al. MLSys 2020;
/// see <see cref="DownSetSearch"/>), pruned by the start order's peak and the graph's lower bound. The number of
/// down-sets grows exponentially with the graph's width, so the search stops at a state limit (its work budget,
/// <see cref="BaseStateLimit"/> × effort) or the wall-clock safety cap (<see cref="SafetyCap"/>, which also covers the
/// start heuristics and the setup) and then returns the start order with <see cref="SolveStatus.GaveUp"/>, the proven
/// lower bound and a message saying why — it never exhausts memory. Practical up to a few hundred ops on layered graphs.
/// </summary>
public sealed class ExactScheduler : ISolvingScheduler
{
    /// <summary>States stored at effort 1: 4,000,000 since 2026-12-06, when the search became 1.6–2.3× faster per
    /// state (no completion bound, no path replays under the default model), so the default spends about the time
    /// 2,000,000 states took before (docs/results/lns.md, "Exact without the completion bound").</summary>
    public const long BaseStateLimit = 4_000_000;

    /// <summary>Stored states are also capped so that they fit in this many bytes, whatever the state limit. 2 GiB
    /// (about 26 million states of a 200-op graph, 81 bytes each by <see cref="DownSetStore.BytesPerState"/>): one of the
    /// held-out 200-op layered graphs needs 19.9 million states for its proof (docs/results/lns.md, "Exact without the
    /// completion bound"); at 1 GiB no effort could reach it. At 512 MiB the cap had ended `best --effort 6` on a 200-op
    /// graph after 6.2 million states and 47 s of its 60.</summary>
    private const long MemoryCapBytes = 2L << 30;

    private readonly IReadOnlyList<IScheduler> _startHeuristics;
    private readonly bool _beamStart;
    private readonly long _stateLimit;
    private readonly SchedulerSettings _settings;

    /// <summary>Creates the solver.</summary>
    /// <param name="startHeuristics">Standalone start orders (the best one is the initial budget and the fallback).</param>
    /// <param name="settings">Reads <see cref="SchedulerSettings.Effort"/> and <see cref="SchedulerSettings.TimeLimit"/>
    /// (the safety cap; null: <see cref="SafetyCap.DefaultLimit"/>); null means defaults.</param>
    /// <param name="baseStateLimit">States at effort 1.</param>
    /// <param name="beamStart">Run alone (no start handed in), also improve the best start heuristic with a
    /// default-width beam search: a tighter initial budget prunes the search harder.</param>
    /// <exception cref="ArgumentOutOfRangeException">The state limit is below 1.</exception>
    public ExactScheduler(IReadOnlyList<IScheduler> startHeuristics, SchedulerSettings? settings = null, long baseStateLimit = BaseStateLimit,
        bool beamStart = false)
    {
        ArgumentNullException.ThrowIfNull(startHeuristics);
        ArgumentOutOfRangeException.ThrowIfLessThan(baseStateLimit, 1);
        settings ??= SchedulerSettings.Default;
        _startHeuristics = startHeuristics;
        _beamStart = beamStart;
        _stateLimit = settings.Scaled(baseStateLimit);
        _settings = settings;
    }

    /// <inheritdoc/>
    public string Name => "exact";

    /// <inheritdoc/>
    public int[] Order(ComputationGraph graph, CancellationToken cancellationToken = default)
        => Solve(new GraphAnalysis(graph, _settings.Model), null, cancellationToken).Order;

    /// <inheritdoc/>
    public SolveResult Solve(GraphAnalysis analysis, StartOrder? start, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var graph = analysis.Graph;
        var cap = SafetyCap.Start(_settings);
        // The bound first: it cannot be interrupted, so the start phase (whose beam polls the cap) gets what it leaves.
        long lowerBound = analysis.LowerBound;
        start = StartOrders.Resolve(analysis, start, _startHeuristics, _beamStart, cap, cancellationToken);
        if (start.OptimalIfAtBound(lowerBound, "exact") is { } atBound)
        {
            return atBound;
        }
        if (cap.IsReached)
        {
            return new SolveResult(start.Order, SolveStatus.GaveUp, lowerBound,
                $"exact: stopped by the {cap} before the search; returned the start order ({start.Source}, peak {start.Peak}).", Capped: true);
        }
        int words = (graph.OpCount + 63) >> 6;
        int limit = (int)Math.Min(Math.Min(_stateLimit, int.MaxValue - 1), MemoryCapBytes / DownSetStore.BytesPerState(words));
        var outcome = new DownSetSearch(analysis, start.Peak, limit, cap).Run(cancellationToken);
        if (outcome.StopReason is not null)
        {
            return new SolveResult(start.Order, SolveStatus.GaveUp, outcome.Bound,
                $"exact: gave up on {graph.OpCount} ops, {outcome.StopReason} ({outcome.States:N0} states); "
                + $"returned the start order ({start.Source}, peak {start.Peak}); proven lower bound {outcome.Bound}.",
                outcome.Capped, outcome.States);
        }
        if (outcome.Order is null)
        {
            return new SolveResult(start.Order, SolveStatus.Optimal, start.Peak,
                $"exact: no order beats the start order ({start.Source}); {outcome.States:N0} states.", Work: outcome.States);
        }
        long peak = MemoryModel.Evaluate(graph, outcome.Order, analysis.Memory);
        return new SolveResult(outcome.Order, SolveStatus.Optimal, peak,
            $"exact: optimal peak {peak} below the start order's {start.Peak}; {outcome.States:N0} states.", Work: outcome.States);
    }
}
