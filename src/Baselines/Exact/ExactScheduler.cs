using Scheduler.Baselines.Search;
using Scheduler.Graphs;

namespace Scheduler.Baselines.Exact;

/// <summary>
/// Exact minimum-peak scheduling by a best-first dynamic program over scheduled sets (Serenity, Ahn et al. MLSys 2020;
/// see <see cref="DownSetSearch"/>), pruned by the start order's peak and the graph's lower bound. The number of
/// down-sets grows exponentially with the graph's width, so the search stops at a state limit (its work budget,
/// <see cref="BaseStateLimit"/> × effort) or the optional wall-clock cap and then returns the start order with
/// <see cref="SolveStatus.GaveUp"/>, the proven lower bound and a message saying why — it never exhausts memory.
/// Practical up to a few hundred ops on layered graphs.
/// </summary>
public sealed class ExactScheduler : ISolvingScheduler
{
    /// <summary>States stored at effort 1.</summary>
    public const long BaseStateLimit = 2_000_000;

    /// <summary>Stored states are also capped so that they fit in this many bytes, whatever the state limit.</summary>
    private const long MemoryCapBytes = 512L << 20;

    private readonly IReadOnlyList<IScheduler> _startHeuristics;
    private readonly long _stateLimit;
    private readonly TimeSpan? _timeLimit;

    /// <summary>Creates the solver.</summary>
    /// <param name="startHeuristics">Standalone start orders (the best one is the initial budget and the fallback).</param>
    /// <param name="settings">Reads <see cref="SchedulerSettings.Effort"/> and <see cref="SchedulerSettings.TimeLimit"/>
    /// (null: no cap); null means defaults.</param>
    /// <param name="baseStateLimit">States at effort 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">The state limit is below 1.</exception>
    public ExactScheduler(IReadOnlyList<IScheduler> startHeuristics, SchedulerSettings? settings = null, long baseStateLimit = BaseStateLimit)
    {
        ArgumentNullException.ThrowIfNull(startHeuristics);
        ArgumentOutOfRangeException.ThrowIfLessThan(baseStateLimit, 1);
        settings ??= SchedulerSettings.Default;
        _startHeuristics = startHeuristics;
        _stateLimit = settings.Scaled(baseStateLimit);
        _timeLimit = settings.TimeLimit;
    }

    /// <inheritdoc/>
    public string Name => "exact";

    /// <inheritdoc/>
    public int[] Order(ComputationGraph graph, CancellationToken cancellationToken = default)
        => Solve(new GraphAnalysis(graph), null, cancellationToken).Order;

    /// <inheritdoc/>
    public SolveResult Solve(GraphAnalysis analysis, StartOrder? start, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var graph = analysis.Graph;
        start = StartOrders.Resolve(graph, start, _startHeuristics, cancellationToken);
        long lowerBound = analysis.LowerBound;
        if (start.OptimalIfAtBound(lowerBound, "exact") is { } atBound)
        {
            return atBound;
        }
        int words = (graph.OpCount + 63) >> 6;
        int limit = (int)Math.Min(Math.Min(_stateLimit, int.MaxValue - 1), MemoryCapBytes / DownSetStore.BytesPerState(words));
        var outcome = new DownSetSearch(analysis, start.Peak, limit, _timeLimit).Run(cancellationToken);
        if (outcome.StopReason is not null)
        {
            return new SolveResult(start.Order, SolveStatus.GaveUp, outcome.Bound,
                $"exact: gave up on {graph.OpCount} ops, {outcome.StopReason} ({outcome.States:N0} states); "
                + $"returned the start order ({start.Source}, peak {start.Peak}); proven lower bound {outcome.Bound}.",
                outcome.Capped);
        }
        if (outcome.Order is null)
        {
            return new SolveResult(start.Order, SolveStatus.Optimal, start.Peak,
                $"exact: no order beats the start order ({start.Source}); {outcome.States:N0} states.");
        }
        long peak = MemoryModel.Evaluate(graph, outcome.Order);
        return new SolveResult(outcome.Order, SolveStatus.Optimal, peak,
            $"exact: optimal peak {peak} below the start order's {start.Peak}; {outcome.States:N0} states.");
    }
}
