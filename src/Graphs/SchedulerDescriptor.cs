namespace Scheduler.Graphs;

/// <summary>A method the CLI and the pass can run: its id, a one-line description and how to make it.</summary>
/// <param name="Name">Kebab-case id (equals the created scheduler's <see cref="IScheduler.Name"/>).</param>
/// <param name="Description">One line for <c>scheduler methods</c>.</param>
/// <param name="Kind">The stage the pass runs it in.</param>
/// <param name="Create">Makes a scheduler from settings.</param>
public sealed record SchedulerDescriptor(string Name, string Description, MethodKind Kind, Func<SchedulerSettings, IScheduler> Create);
