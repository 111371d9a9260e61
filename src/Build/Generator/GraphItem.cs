namespace Scheduler.Build;

/// <summary>What the Scheduler.Build targets tell the generator about one plan file (its AdditionalFiles metadata).</summary>
/// <param name="PlanPath">The plan file.</param>
/// <param name="GraphPath">The graph file's full path: where diagnostics point.</param>
/// <param name="Source">The graph file as the project names it (the item's Include, e.g. <c>graphs/a.json</c>).</param>
/// <param name="ClassName">The generated class's name (the item's ClassName, or one made from the file name).</param>
/// <param name="ClassNameGiven">True when the item set ClassName.</param>
internal sealed record GraphItem(string PlanPath, string GraphPath, string Source, string ClassName, bool ClassNameGiven);
