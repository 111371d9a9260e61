using Scheduler.Baselines.Search;
using Scheduler.Graphs;

namespace Scheduler.Baselines.Exact;

/// <summary>
/// Exact minimum-peak scheduling by a best-first dynamic program over scheduled sets (Serenity, Ahn et al. MLSys 2020;
/// see <see cref="DownSetSearch"/>), pruned by the best start order's peak and the graph's lower bound. The number of
/// down-sets grows exponentially with the graph's width, so the search stops at a state limit (and an optional time
/// limit) and then returns the best start order with <see cref="SolveStatus.GaveUp"/>, the proven lower bound and a
/// message saying why — it never exhausts memory. Practical up to a few dozen ops on layered graphs.
/// </summary>
public sealed class ExactScheduler : ISolvingScheduler
{
    /// <summary>Stored states are also capped so that they fit in this many bytes, whatever the state limit.</summary>
    private const long MemoryCapBytes = 512L << 20;

    private readonly IReadOnlyList<IScheduler> _startHeuristics;
    private readonly int _stateLimit;
    private readonly TimeSpan? _timeLimit;

    /// <summary>Creates the solver.</summary>
    /// <param name="startHeuristics">Orders whose best peak is the initial budget and the fallback (may be empty).</param>
    /// <param name="settings">Reads <see cref="SchedulerSettings.StateLimit"/> and <see cref="SchedulerSettings.TimeLimit"/>
    /// (null: no time limit); null means defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">The state limit is below 1.</exception>
    public ExactScheduler(IReadOnlyList<IScheduler> startHeuristics, SchedulerSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(startHeuristics);
        settings ??= SchedulerSettings.Default;
        if (settings.StateLimit < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(settings), settings.StateLimit, $"State limit must be at least 1, got {settings.StateLimit}.");
        }
        _startHeuristics = startHeuristics;
        _stateLimit = settings.StateLimit;
        _timeLimit = settings.TimeLimit;
    }

    /// <inheritdoc/>
    public string Name => "exact";

    /// <inheritdoc/>
    public int[] Order(ComputationGraph graph, CancellationToken cancellationToken = default)
        => Solve(graph, cancellationToken).Order;

    /// <inheritdoc/>
    public SolveResult Solve(ComputationGraph graph, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var start = StartOrder.Best(graph, _startHeuristics, cancellationToken);
        long lowerBound = MemoryModel.LowerBound(graph);
        if (start.OptimalIfAtBound(lowerBound, "exact") is { } atBound)
        {
            return atBound;
        }
        int words = (graph.OpCount + 63) >> 6;
        int limit = (int)Math.Min(_stateLimit, MemoryCapBytes / DownSetStore.BytesPerState(words));
        var outcome = new DownSetSearch(graph, lowerBound, start.Peak, limit, _timeLimit).Run(cancellationToken);
        if (outcome.StopReason is not null)
        {
            return new SolveResult(start.Order, SolveStatus.GaveUp, outcome.Bound,
                $"exact: gave up on {graph.OpCount} ops, {outcome.StopReason} ({outcome.States:N0} states); "
                + $"returned the start order ({start.Source}, peak {start.Peak}); proven lower bound {outcome.Bound}.");
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
