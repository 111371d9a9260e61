namespace Scheduler.Graphs.Topology;

/// <summary>Finds one directed cycle in adjacency given as CSR, with an iterative three-colour DFS (O(V + E)).</summary>
public static class CycleFinder
{
    /// <summary>Returns the nodes of one cycle in order (the last has an edge to the first), or null for a DAG.</summary>
    public static int[]? FindCycle(int nodeCount, int[] offsets, int[] targets)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        ArgumentNullException.ThrowIfNull(targets);
        var colour = new byte[nodeCount]; // 0 white, 1 on stack, 2 done
        var parent = new int[nodeCount];
        var next = new int[nodeCount];
        var stack = new Stack<int>();
        for (int root = 0; root < nodeCount; root++)
        {
            if (colour[root] != 0)
            {
                continue;
            }
            colour[root] = 1;
            parent[root] = -1;
            next[root] = offsets[root];
            stack.Push(root);
            while (stack.Count > 0)
            {
                int u = stack.Peek();
                if (next[u] == offsets[u + 1])
                {
                    colour[u] = 2;
                    stack.Pop();
                    continue;
                }
                int w = targets[next[u]++];
                if (colour[w] == 1)
                {
                    return Unwind(u, w, parent);
                }
                if (colour[w] == 0)
                {
                    colour[w] = 1;
                    parent[w] = u;
                    next[w] = offsets[w];
                    stack.Push(w);
                }
            }
        }
        return null;
    }

    private static int[] Unwind(int from, int to, int[] parent)
    {
        var cycle = new List<int>();
        for (int x = from; x != to; x = parent[x])
        {
            cycle.Add(x);
        }
        cycle.Add(to);
        cycle.Reverse();
        return cycle.ToArray();
    }
}
