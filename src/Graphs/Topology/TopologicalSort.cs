namespace Scheduler.Graphs.Topology;

/// <summary>Kahn's algorithm and depth measures on a <see cref="ComputationGraph"/> (always a DAG).</summary>
public static class TopologicalSort
{
    /// <summary>Kahn's order with a FIFO queue seeded in input order; O(V + E).</summary>
    public static int[] KahnOrder(ComputationGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        int n = graph.OpCount;
        var indegree = new int[n];
        var queue = new int[n];
        int head = 0, tail = 0;
        for (int v = 0; v < n; v++)
        {
            indegree[v] = graph.Predecessors(v).Length;
            if (indegree[v] == 0)
            {
                queue[tail++] = v;
            }
        }
        while (head < tail)
        {
            int u = queue[head++];
            foreach (int w in graph.Successors(u))
            {
                if (--indegree[w] == 0)
                {
                    queue[tail++] = w;
                }
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
