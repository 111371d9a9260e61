using Scheduler.Graphs;

namespace Scheduler.Baselines.Tests;

/// <summary>The file's own order, as a stand-in start heuristic (the real catalog lives on another branch).</summary>
internal sealed class InputOrder : IScheduler
{
    public string Name => "input";

    public int[] Order(ComputationGraph graph, CancellationToken cancellationToken = default)
        => Enumerable.Range(0, graph.OpCount).ToArray();
}
