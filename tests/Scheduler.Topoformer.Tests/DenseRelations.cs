using Scheduler.Graphs;
using Scheduler.Graphs.Topology;

namespace Scheduler.Topoformer.Tests;

/// <summary>
/// The oracle: the dense N×N relation masks as the network used them before attention was sampled, built from full
/// <see cref="Reachability"/> bitsets. Row i may attend to column j when the relation holds for (i, j); every mask
/// also holds i = i.
/// </summary>
internal static class DenseRelations
{
    /// <summary>The masks as a flat [Count, N, N] row-major array (true = may attend).</summary>
    public static bool[] Build(ComputationGraph graph)
    {
        int n = graph.OpCount;
        long nn = (long)n * n;
        var masks = new bool[AttentionRelations.Count * nn];
        var reach = Reachability.Compute(graph);
        foreach (var (u, w) in reach.ReductionEdges(graph))
        {
            masks[0 * nn + (long)u * n + w] = true;
            masks[1 * nn + (long)w * n + u] = true;
        }
        for (int u = 0; u < n; u++)
        {
            foreach (int w in graph.Successors(u))
            {
                if (!masks[(long)u * n + w])
                {
                    masks[2 * nn + (long)u * n + w] = true;
                    masks[3 * nn + (long)w * n + u] = true;
                }
            }
            foreach (int w in reach.Descendants(u).Ones())
            {
                if (graph.Successors(u).IndexOf(w) < 0)
                {
                    masks[4 * nn + (long)u * n + w] = true;
                    masks[5 * nn + (long)w * n + u] = true;
                }
            }
            for (int j = 0; j < n; j++)
            {
                masks[6 * nn + (long)u * n + j] = j != u && !reach.Descendants(u).Get(j) && !reach.Ancestors(u).Get(j);
            }
        }
        for (int m = 0; m < AttentionRelations.Count; m++)
        {
            for (int i = 0; i < n; i++)
            {
                masks[m * nn + (long)i * n + i] = true;
            }
        }
        return masks;
    }

    /// <summary>Members j ≠ i of relation <paramref name="m"/> for op <paramref name="i"/>.</summary>
    public static HashSet<int> Members(bool[] masks, int n, int m, int i)
    {
        var set = new HashSet<int>();
        for (int j = 0; j < n; j++)
        {
            if (j != i && masks[((long)m * n + i) * n + j])
            {
                set.Add(j);
            }
        }
        return set;
    }
}
