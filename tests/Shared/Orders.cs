using Scheduler.Graphs;

namespace Scheduler.Testing;

/// <summary>Simple, obviously-correct topological orders for tests (quadratic on purpose: clarity over speed).</summary>
public static class Orders
{
    /// <summary>Kahn's loop in which <paramref name="pick"/> chooses the next op from the ready list.</summary>
    public static int[] ReadyList(ComputationGraph g, Func<List<int>, int> pick)
    {
        var indegree = new int[g.OpCount];
        var ready = new List<int>();
        for (int v = 0; v < g.OpCount; v++)
        {
            indegree[v] = g.Predecessors(v).Length;
            if (indegree[v] == 0)
            {
                ready.Add(v);
            }
        }
        var order = new List<int>(g.OpCount);
        while (ready.Count > 0)
        {
            int u = pick(ready);
            ready.Remove(u);
            order.Add(u);
            foreach (int w in g.Successors(u))
            {
                if (--indegree[w] == 0)
                {
                    ready.Add(w);
                }
            }
        }
        return order.ToArray();
    }

    /// <summary>A seeded topological order choosing uniformly among ready ops.</summary>
    public static int[] RandomTopological(ComputationGraph g, Random random) => ReadyList(g, ready => ready[random.Next(ready.Count)]);
}
