namespace Scheduler.Build;

/// <summary>What one plan file becomes: the class's source and the plan's own diagnostics, plus the numbers the
/// budget check needs (the budget is a project property, applied when all plans are collected).</summary>
/// <param name="Item">The plan file's item.</param>
/// <param name="Code">The generated source.</param>
/// <param name="Diagnostics">SCHED001/003/004/005/006 from the plan itself.</param>
/// <param name="Planned">True when the plan file holds a plan (not an error).</param>
/// <param name="PeakBytes">The plan's peak.</param>
/// <param name="ArenaBytes">The plan's arena size.</param>
internal sealed record PlanOutput(GraphItem Item, string Code, EquatableArray<DiagnosticInfo> Diagnostics, bool Planned, long PeakBytes, long ArenaBytes);
