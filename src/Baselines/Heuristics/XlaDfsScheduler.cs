using Scheduler.Graphs;

namespace Scheduler.Baselines.Heuristics;

/// <summary>
/// <c>xla-dfs</c>: XLA's <c>DFSMemoryScheduler</c> (<c>xla/service/hlo_memory_scheduler.cc</c>). Each op gets two
/// transitive statistics over everything that leads to it: <i>extra users</i> (fan-out beyond one user, summed over
/// ancestors along every path) and <i>total sizes</i> (output bytes summed the same way). A DFS post-order from the sinks
/// then visits operands with more extra users first, then larger total sizes, then input order: subgraphs whose values
/// feed many consumers are computed early, so those values are not recomputed around and die sooner. As in XLA the sums
/// count shared ancestors once per path, so they are capped (at the op count and at the bytes seen so far) to stay
/// bounded on branchy graphs. O(V + E log d).
/// </summary>
public sealed class XlaDfsScheduler : IScheduler
{
    /// <inheritdoc/>
    public string Name => "xla-dfs";

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is null.</exception>
    public int[] Order(ComputationGraph graph, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        int n = graph.OpCount;
        var (plainOffsets, plainTargets) = DepthFirst.Adjacency(graph, predecessors: true, order: null);
        var sinks = DepthFirst.Sinks(graph);
        // XLA computes the statistics along the plain post-order; any topological order gives the same uncapped sums,
        // and using XLA's keeps the caps identical.
        var postOrder = DepthFirst.PostOrder(plainOffsets, plainTargets, sinks, cancellationToken);
        var extraUsers = new long[n];
        var totalSizes = new long[n];
        long cumulative = 0;
        foreach (int v in postOrder)
        {
            int users = graph.Successors(v).Length;
            long extra = users == 0 ? 0 : users - 1;
            long total = graph.OutputBytes(v);
            cumulative += total;
            foreach (int p in graph.Predecessors(v))
            {
                // Both terms are already capped, so neither sum can overflow before the cap is applied again.
                extra = Math.Min(extra + extraUsers[p], n);
                total = Math.Min(total + totalSizes[p], cumulative);
            }
            extraUsers[v] = Math.Min(extra, n);
            totalSizes[v] = Math.Min(total, cumulative);
        }
        var operandOrder = Comparer<int>.Create((a, b) =>
        {
            int c = extraUsers[b].CompareTo(extraUsers[a]);
            if (c == 0)
            {
                c = totalSizes[b].CompareTo(totalSizes[a]);
            }
            return c != 0 ? c : a.CompareTo(b);
        });
        var (offsets, targets) = DepthFirst.Adjacency(graph, predecessors: true, operandOrder);
        return DepthFirst.PostOrder(offsets, targets, sinks, cancellationToken);
    }
}
