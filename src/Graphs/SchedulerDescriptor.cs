namespace Scheduler.Graphs;

/// <summary>A method the CLI and the pass can run: its id, a one-line description and how to make it.</summary>
/// <param name="Name">Kebab-case id (equals the created scheduler's <see cref="IScheduler.Name"/>).</param>
/// <param name="Description">One line for <c>scheduler methods</c>.</param>
/// <param name="Kind">The stage the pass runs it in.</param>
/// <param name="Create">Makes a scheduler from settings.</param>
public sealed record SchedulerDescriptor(string Name, string Description, MethodKind Kind, Func<SchedulerSettings, IScheduler> Create)
{
    /// <summary>False when the method refuses the graph up front under the settings, because the graph is too large for
    /// it (it then throws <see cref="NotSupportedException"/> or returns its start order untouched). The method's own
    /// limit, so a caller can tell which methods will run without running them (<c>compare</c>'s time estimate).
    /// Default: every graph.</summary>
    public Func<ComputationGraph, SchedulerSettings, bool> Accepts { get; init; } = static (_, _) => true;
}
