using Scheduler.Graphs;
using Scheduler.Pass;

namespace Scheduler.Methods;

/// <summary>
/// <c>best</c>: the pass's portfolio as a scheduler — runs the configured methods within the budget and returns the
/// lowest-peak verified order (the input order wins ties).
/// </summary>
public sealed class PortfolioScheduler(IReadOnlyList<SchedulerDescriptor> members, PassOptions options) : IScheduler
{
    /// <inheritdoc/>
    public string Name => "best";

    /// <inheritdoc/>
    public int[] Order(ComputationGraph graph, CancellationToken cancellationToken = default)
        => [.. new MemorySchedulingPass(members).Run(graph, options, cancellationToken).Best.Order];
}
