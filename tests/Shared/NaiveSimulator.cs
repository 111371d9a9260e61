using Scheduler.Graphs;

namespace Scheduler.Testing;

/// <summary>
/// A deliberately naive re-statement of docs/DESIGN.md §2 used only to check <see cref="MemoryModel"/>: at every step it
/// rebuilds the live set from scratch (a tensor is live at step t if it was produced — or is a freeable input — and
/// some consumer has not run before t, or it is a graph output), then adds the step's outputs.
/// </summary>
public static class NaiveSimulator
{
    public static long Peak(ComputationGraph g, IReadOnlyList<int> order)
    {
        var pos = new int[g.OpCount];
        for (int i = 0; i < order.Count; i++)
        {
            pos[order[i]] = i;
        }
        long peak = 0;
        for (int step = 0; step < order.Count; step++)
        {
            long mem = 0;
            for (int t = 0; t < g.TensorCount; t++)
            {
                if (g.IsResident(t))
                {
                    continue;
                }
                int p = g.Producer(t);
                bool made = p < 0 || pos[p] < step;
                if (!made)
                {
                    continue;
                }
                bool needed = g.IsGraphOutput(t) && p >= 0;
                foreach (int c in g.Consumers(t).ToArray())
                {
                    needed |= pos[c] >= step;
                }
                if (needed)
                {
                    mem += g.TensorSize(t);
                }
            }
            mem += g.OutputBytes(order[step]);
            peak = Math.Max(peak, mem);
        }
        return peak;
    }

    /// <summary>Every topological order of a tiny graph (N ≤ 8 or so), for exhaustive optima.</summary>
    public static IEnumerable<int[]> AllOrders(ComputationGraph g)
    {
        var indegree = new int[g.OpCount];
        for (int v = 0; v < g.OpCount; v++)
        {
            indegree[v] = g.Predecessors(v).Length;
        }
        var prefix = new List<int>();
        return Extend(g, indegree, prefix);
    }

    private static IEnumerable<int[]> Extend(ComputationGraph g, int[] indegree, List<int> prefix)
    {
        if (prefix.Count == g.OpCount)
        {
            yield return prefix.ToArray();
            yield break;
        }
        for (int v = 0; v < g.OpCount; v++)
        {
            if (indegree[v] != 0 || prefix.Contains(v))
            {
                continue;
            }
            prefix.Add(v);
            foreach (int w in g.Successors(v))
            {
                indegree[w]--;
            }
            foreach (var order in Extend(g, indegree, prefix))
            {
                yield return order;
            }
            foreach (int w in g.Successors(v))
            {
                indegree[w]++;
            }
            prefix.RemoveAt(prefix.Count - 1);
        }
    }

    /// <summary>Exact optimum by enumeration.</summary>
    public static long OptimalPeak(ComputationGraph g) => AllOrders(g).Min(o => Peak(g, o));
}
