using Scheduler.Graphs;
using Scheduler.Graphs.Topology;

namespace Scheduler.Baselines.Heuristics;

/// <summary>
/// <c>bfs</c>: Kahn's algorithm (Kahn, "Topological sorting of large networks", CACM 1962) with a FIFO queue seeded
/// in input order — the breadth-first order many frameworks emit by default. It ignores memory entirely, which is
/// why it is a baseline: on wide graphs it keeps a whole layer of tensors alive at once. O(V + E).
/// </summary>
public sealed class BfsScheduler : IScheduler
{
    /// <inheritdoc/>
    public string Name => "bfs";

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is null.</exception>
    public int[] Order(ComputationGraph graph, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        cancellationToken.ThrowIfCancellationRequested();
        return TopologicalSort.KahnOrder(graph);
    }
}
