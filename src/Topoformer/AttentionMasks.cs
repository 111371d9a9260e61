using Scheduler.Graphs;
using Scheduler.Graphs.Topology;

namespace Scheduler.Topoformer;

/// <summary>
/// The attention masks of Topoformer (Gagrani et al. 2022, §3.2): each head attends only along one topological
/// relation of the DAG. Row i (the query) may attend to column j (the key) when the relation holds for (i, j).
/// Order of the masks: reduction forward/backward (i→j / j→i in the transitive reduction), shortcut forward/backward
/// (edges of the DAG that the reduction drops), closure forward/backward (reachable by a longer path but not an edge),
/// and incomparable pairs (neither reaches the other). Every mask also lets each node attend to itself, so no row is
/// empty (an empty row would make softmax NaN). Built from <see cref="Reachability"/> bitsets in O(N·E/64 + N²).
/// </summary>
public static class AttentionMasks
{
    /// <summary>Number of masks (relations).</summary>
    public const int Count = 7;

    /// <summary>Mask names, in the order of the mask dimension.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "reduction_forward", "reduction_backward", "shortcut_forward", "shortcut_backward",
        "closure_forward", "closure_backward", "incomparable",
    ];

    /// <summary>The masks as a flat [Count, N, N] row-major array (true = may attend).</summary>
    public static bool[] Build(ComputationGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        int n = graph.OpCount;
        long nn = (long)n * n;
        var masks = new bool[checked(Count * nn)];
        var reach = Reachability.Compute(graph);
        // Reduction and shortcut edges: an edge u→w is a shortcut when another successor of u reaches w.
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
        }
        var isEdge = new BitSet(n);
        for (int u = 0; u < n; u++)
        {
            isEdge.Clear();
            foreach (int w in graph.Successors(u))
            {
                isEdge.Set(w);
            }
            foreach (int w in reach.Descendants(u).Ones())
            {
                if (!isEdge.Get(w))
                {
                    masks[4 * nn + (long)u * n + w] = true;
                    masks[5 * nn + (long)w * n + u] = true;
                }
            }
        }
        FillIncomparable(masks, 6 * nn, n, reach);
        for (int m = 0; m < Count; m++)
        {
            for (int i = 0; i < n; i++)
            {
                masks[m * nn + (long)i * n + i] = true;
            }
        }
        return masks;
    }

    private static void FillIncomparable(bool[] masks, long start, int n, Reachability reach)
    {
        for (int i = 0; i < n; i++)
        {
            long row = start + (long)i * n;
            for (int j = 0; j < n; j++)
            {
                masks[row + j] = true;
            }
            foreach (int j in reach.Descendants(i).Ones())
            {
                masks[row + j] = false;
            }
            foreach (int j in reach.Ancestors(i).Ones())
            {
                masks[row + j] = false;
            }
        }
    }
}
