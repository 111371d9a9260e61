using Scheduler.Graphs;

namespace Scheduler.Pass.Compare;

/// <summary>A graph to compare on, with the dataset it belongs to (a folder, a model family, or "files").</summary>
/// <param name="Dataset">Group name used for per-dataset summaries.</param>
/// <param name="Name">Graph name shown in tables.</param>
/// <param name="Graph">The graph.</param>
public sealed record NamedGraph(string Dataset, string Name, ComputationGraph Graph);
