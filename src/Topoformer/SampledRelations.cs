using System.Numerics;
using Scheduler.Graphs;
using static Scheduler.Topoformer.AttentionRelations;

namespace Scheduler.Topoformer;

/// <summary>
/// For every op and each of the <see cref="AttentionRelations"/>, at most K members of the relation (K =
/// <see cref="TopoformerOptions.NeighboursFor"/>(N)), plus the relation's true size, so that attention costs
/// O(N·K) per head instead of O(N²).
/// <para>The sample is exact where it can be: an op whose relation has at most K members lists all of them. Above K it
/// lists the K members of lowest rank under one pseudo-random permutation of the ops (SplitMix64 of the op index and a
/// seed made from the op and edge counts), i.e. a uniform sample without replacement, the same for the same graph on
/// every machine. The permutation is shared by all ops and relations (bottom-K sampling, as in MinHash), which is what
/// lets the blocked reachability below find the K lowest ranks without visiting the rest.</para>
/// <para>Cost: O(N·E/64) word operations and O(N·(K + 64)) memory (see <see cref="ReachabilityBlocks"/>); the transitive
/// closure is never stored whole. The descendant and ancestor counts of the <c>descendants</c>/<c>ancestors</c>
/// features come out of the same pass, exactly.</para>
/// </summary>
public sealed class SampledRelations
{
    private readonly int[][] _offsets;
    private readonly int[][] _members;
    private readonly int[][] _sizes;
    private readonly int[] _ancestors;
    private readonly int[] _descendants;

    private SampledRelations(int nodes, int maxNeighbours, int[][] offsets, int[][] members, int[][] sizes, int[] ancestors,
        int[] descendants)
    {
        Nodes = nodes;
        MaxNeighbours = maxNeighbours;
        _offsets = offsets;
        _members = members;
        _sizes = sizes;
        _ancestors = ancestors;
        _descendants = descendants;
    }

    /// <summary>N, the number of ops.</summary>
    public int Nodes { get; }

    /// <summary>K, the most members listed per op and relation.</summary>
    public int MaxNeighbours { get; }

    /// <summary>The listed members of <paramref name="op"/>'s relation (self excluded), lowest rank first.</summary>
    public ReadOnlySpan<int> Members(int relation, int op)
        => _members[relation].AsSpan(_offsets[relation][op], _offsets[relation][op + 1] - _offsets[relation][op]);

    /// <summary>How many ops the relation really holds for <paramref name="op"/> (self excluded), listed or not.</summary>
    public int Size(int relation, int op) => _sizes[relation][op];

    /// <summary>Number of strict ancestors of <paramref name="op"/> (exact).</summary>
    public int AncestorCount(int op) => _ancestors[op];

    /// <summary>Number of strict descendants of <paramref name="op"/> (exact).</summary>
    public int DescendantCount(int op) => _descendants[op];

    /// <summary>Samples the relations of <paramref name="graph"/>, at most <paramref name="maxNeighbours"/> per op each.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxNeighbours"/> is below 1.</exception>
    public static SampledRelations Compute(ComputationGraph graph, int maxNeighbours)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNeighbours, 1);
        int n = graph.OpCount, k = maxNeighbours;
        var (byRank, rankOf) = Ranks(graph);
        var blocks = new ReachabilityBlocks(graph, rankOf);
        var dense = new DenseSample(n, k);
        var ancestors = new int[n];
        var descendants = new int[n];
        for (int start = 0; start < n; start += blocks.BlockOps)
        {
            blocks.Compute(start);
            for (int u = 0; u < n; u++)
            {
                var down = blocks.DescendantWords(u);
                var up = blocks.AncestorWords(u);
                for (int w = 0; w < down.Length; w++)
                {
                    descendants[u] += BitOperations.PopCount(down[w]);
                    ancestors[u] += BitOperations.PopCount(up[w]);
                }
                dense.Take(blocks, byRank, u, down, up, graph);
            }
        }
        var sizes = new int[Count][];
        var offsets = new int[Count][];
        var members = new int[Count][];
        EdgeRelations(graph, blocks, rankOf, k, sizes, offsets, members);
        sizes[ClosureForward] = new int[n];
        sizes[ClosureBackward] = new int[n];
        sizes[Incomparable] = new int[n];
        for (int u = 0; u < n; u++)
        {
            // Every successor is a descendant, every predecessor an ancestor; the rest of the ops are incomparable.
            sizes[ClosureForward][u] = descendants[u] - graph.Successors(u).Length;
            sizes[ClosureBackward][u] = ancestors[u] - graph.Predecessors(u).Length;
            sizes[Incomparable][u] = n - 1 - descendants[u] - ancestors[u];
        }
        foreach (int m in (int[])[ClosureForward, ClosureBackward, Incomparable])
        {
            (offsets[m], members[m]) = dense.Compact(m - ClosureForward);
        }
        return new SampledRelations(n, k, offsets, members, sizes, ancestors, descendants);
    }

    /// <summary>The permutation: ops sorted by SplitMix64(seed + op), seed from the op and edge counts.</summary>
    private static (int[] ByRank, int[] RankOf) Ranks(ComputationGraph graph)
    {
        int n = graph.OpCount;
        ulong seed = SplitMix64(((ulong)n << 32) ^ (ulong)graph.EdgeCount);
        var keys = new ulong[n];
        var byRank = new int[n];
        for (int v = 0; v < n; v++)
        {
            keys[v] = SplitMix64(unchecked(seed + (ulong)v)); // a bijection of distinct inputs: no ties
            byRank[v] = v;
        }
        Array.Sort(keys, byRank);
        var rankOf = new int[n];
        for (int r = 0; r < n; r++)
        {
            rankOf[byRank[r]] = r;
        }
        return (byRank, rankOf);
    }

    private static ulong SplitMix64(ulong x)
    {
        unchecked
        {
            x += 0x9E3779B97F4A7C15UL;
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
            return x ^ (x >> 31);
        }
    }

    /// <summary>Reduction and shortcut edges, both directions, from the blocks' edge classification.</summary>
    private static void EdgeRelations(ComputationGraph graph, ReachabilityBlocks blocks, int[] rankOf, int k, int[][] sizes,
        int[][] offsets, int[][] members)
    {
        int n = graph.OpCount;
        var lists = new List<int>[4];
        for (int m = 0; m < 4; m++)
        {
            lists[m] = [];
            offsets[m] = new int[n + 1];
            sizes[m] = new int[n];
        }
        var chosen = new List<int>();
        var candidates = new List<int>();
        for (int u = 0; u < n; u++)
        {
            var succ = graph.Successors(u);
            var pred = graph.Predecessors(u);
            foreach (bool shortcut in (bool[])[false, true])
            {
                int forward = shortcut ? ShortcutForward : ReductionForward;
                candidates.Clear();
                for (int e = 0; e < succ.Length; e++)
                {
                    if (blocks.IsShortcut[blocks.EdgeStart(u) + e] == shortcut)
                    {
                        candidates.Add(succ[e]);
                    }
                }
                Append(candidates, rankOf, k, sizes[forward], lists[forward], offsets[forward], u, chosen);
                candidates.Clear();
                foreach (int p in pred)
                {
                    int e = blocks.EdgeStart(p) + graph.Successors(p).BinarySearch(u);
                    if (blocks.IsShortcut[e] == shortcut)
                    {
                        candidates.Add(p);
                    }
                }
                Append(candidates, rankOf, k, sizes[forward + 1], lists[forward + 1], offsets[forward + 1], u, chosen);
            }
        }
        for (int m = 0; m < 4; m++)
        {
            members[m] = lists[m].ToArray();
        }
    }

    /// <summary>Lists the <paramref name="k"/> candidates of lowest rank as <paramref name="op"/>'s members.</summary>
    private static void Append(List<int> candidates, int[] rankOf, int k, int[] size, List<int> list, int[] offsets, int op,
        List<int> chosen)
    {
        size[op] = candidates.Count;
        chosen.Clear();
        chosen.AddRange(candidates);
        chosen.Sort((a, b) => rankOf[a].CompareTo(rankOf[b]));
        for (int i = 0; i < Math.Min(k, chosen.Count); i++)
        {
            list.Add(chosen[i]);
        }
        offsets[op + 1] = list.Count;
    }
}
