namespace Scheduler.Graphs.Topology;

/// <summary>Kahn's algorithm and depth measures on a <see cref="ComputationGraph"/> (always a DAG).</summary>
public static class TopologicalSort
{
    /// <summary>Kahn's order with a FIFO queue seeded in input order; O(V + E).</summary>
    public static int[] KahnOrder(ComputationGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var ready = new ReadyTracker(graph);
        var queue = new int[graph.OpCount];
        int head = 0, tail = 0;
        foreach (int v in ready.Sources)
        {
            queue[tail++] = v;
        }
        while (head < tail)
        {
            foreach (int w in ready.Run(queue[head++]))
            {
                queue[tail++] = w;
            }
        }
        return queue;
    }

    /// <summary>Longest path (in edges) from any source to each op.</summary>
    public static int[] DepthFromSources(ComputationGraph graph)
    {
        var depth = new int[graph.OpCount];
        foreach (int u in KahnOrder(graph))
        {
            foreach (int w in graph.Successors(u))
            {
                depth[w] = Math.Max(depth[w], depth[u] + 1);
            }
        }
        return depth;
    }

    /// <summary>Longest path (in edges) from each op to any sink.</summary>
    public static int[] HeightToSinks(ComputationGraph graph)
    {
        var height = new int[graph.OpCount];
        var order = KahnOrder(graph);
        for (int i = order.Length - 1; i >= 0; i--)
        {
            int u = order[i];
            foreach (int w in graph.Successors(u))
            {
                height[u] = Math.Max(height[u], height[w] + 1);
            }
        }
        return height;
    }
}
