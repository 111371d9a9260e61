using Scheduler.Graphs;

namespace Scheduler.Baselines.Heuristics;

/// <summary>
/// <c>post-order</c>: plain DFS post-order over operands, started from every sink in input order and visiting operands
/// in input order — what XLA's <c>PostOrderMemoryScheduler</c> returns (<c>HloComputation::MakeInstructionPostOrder</c>
/// in <c>xla/service/hlo_memory_scheduler.cc</c>). An op is emitted right after the last of its inputs is computed,
/// which keeps producer and consumer close together. O(V + E).
/// </summary>
public sealed class PostOrderScheduler : IScheduler
{
    /// <inheritdoc/>
    public string Name => "post-order";

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is null.</exception>
    public int[] Order(ComputationGraph graph, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var (offsets, targets) = DepthFirst.Adjacency(graph, predecessors: true, order: null);
        return DepthFirst.PostOrder(offsets, targets, DepthFirst.Sinks(graph), cancellationToken);
    }
}
