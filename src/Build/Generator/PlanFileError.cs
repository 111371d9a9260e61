namespace Scheduler.Build;

/// <summary>The error a plan file records instead of a plan.</summary>
/// <param name="Kind">"graph" (the graph cannot be read: SCHED001) or "options" (bad item metadata: SCHED004).</param>
/// <param name="Message">What is wrong and where, without the file path.</param>
/// <param name="Line">1-based line in the graph file, or 0.</param>
/// <param name="Column">1-based column, or 0.</param>
internal sealed record PlanFileError(string Kind, string Message, int Line, int Column);
