using Scheduler.Graphs;

namespace Scheduler.Baselines.Heuristics;

/// <summary>
/// <c>dfs</c>: reverse post-order of a depth-first search that follows successors (Tarjan, "Depth-first search and
/// linear graph algorithms", 1972 — reverse post-order of a DFS is a topological order). Going deep finishes one
/// branch before starting the next, so a branch's intermediate tensors die before its sibling's are made.
/// To keep ties in input order, sources and successors are visited from last to first: reversing the post-order then
/// puts the lowest-index branch first. O(V + E).
/// </summary>
public sealed class DfsScheduler : IScheduler
{
    /// <inheritdoc/>
    public string Name => "dfs";

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is null.</exception>
    public int[] Order(ComputationGraph graph, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        int n = graph.OpCount;
        var (offsets, targets) = DepthFirst.Adjacency(graph, predecessors: false, order: null);
        for (int v = 0; v < n; v++)
        {
            Array.Reverse(targets, offsets[v], offsets[v + 1] - offsets[v]);
        }
        var sources = new List<int>();
        for (int v = n - 1; v >= 0; v--)
        {
            if (graph.Predecessors(v).Length == 0)
            {
                sources.Add(v);
            }
        }
        var order = DepthFirst.PostOrder(offsets, targets, sources.ToArray(), cancellationToken);
        Array.Reverse(order);
        return order;
    }
}
