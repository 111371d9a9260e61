namespace Scheduler.Graphs;

/// <summary>Conveniences over <see cref="ISolvingScheduler"/>.</summary>
public static class SolvingSchedulerExtensions
{
    /// <summary>Solves <paramref name="graph"/> on its own: a fresh analysis and the method's own start.</summary>
    public static SolveResult Solve(this ISolvingScheduler scheduler, ComputationGraph graph, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(scheduler, nameof(scheduler));
        return scheduler.Solve(new GraphAnalysis(graph), null, cancellationToken);
    }
}
