using System.Numerics;
using Scheduler.Graphs;

namespace Scheduler.Topoformer;

/// <summary>
/// The bottom-K members of the three dense relations (closure forward, closure backward, incomparable), collected
/// block by block from <see cref="ReachabilityBlocks"/>: blocks come in rank order and bits within a block in rank
/// order, so the first K members met are the K of lowest rank. An op whose list is full skips later blocks.
/// </summary>
internal sealed class DenseSample
{
    private const int Relations = 3;
    private readonly int _k;
    private readonly int[][] _members; // [relation][op·K + i]
    private readonly int[][] _taken; // [relation][op]

    public DenseSample(int nodes, int k)
    {
        _k = k;
        _members = new int[Relations][];
        _taken = new int[Relations][];
        for (int m = 0; m < Relations; m++)
        {
            _members[m] = new int[checked(nodes * k)];
            _taken[m] = new int[nodes];
        }
    }

    /// <summary>Takes <paramref name="op"/>'s members from the current block: descendants that are not successors,
    /// ancestors that are not predecessors, and ops that are neither (the op itself excluded).</summary>
    public void Take(ReachabilityBlocks blocks, int[] byRank, int op, ReadOnlySpan<ulong> down, ReadOnlySpan<ulong> up,
        ComputationGraph graph)
    {
        for (int w = 0; w < down.Length; w++)
        {
            int baseRank = blocks.Start + w * 64;
            if (baseRank >= blocks.Start + blocks.Length)
            {
                break;
            }
            int valid = Math.Min(64, blocks.Start + blocks.Length - baseRank);
            ulong inBlock = valid == 64 ? ulong.MaxValue : (1UL << valid) - 1;
            Collect(0, op, down[w], baseRank, byRank, graph.Successors(op));
            Collect(1, op, up[w], baseRank, byRank, graph.Predecessors(op));
            Collect(2, op, ~(down[w] | up[w]) & inBlock, baseRank, byRank, []);
        }
    }

    /// <summary>The members of relation <paramref name="relation"/> (0 = closure forward, 1 = backward, 2 =
    /// incomparable) as CSR offsets and targets.</summary>
    public (int[] Offsets, int[] Members) Compact(int relation)
    {
        var taken = _taken[relation];
        var offsets = new int[taken.Length + 1];
        for (int u = 0; u < taken.Length; u++)
        {
            offsets[u + 1] = offsets[u] + taken[u];
        }
        var members = new int[offsets[^1]];
        for (int u = 0; u < taken.Length; u++)
        {
            Array.Copy(_members[relation], (long)u * _k, members, offsets[u], taken[u]);
        }
        return (offsets, members);
    }

    /// <summary>Adds the ops of <paramref name="word"/>, lowest rank first, skipping <paramref name="op"/> itself and
    /// <paramref name="excluded"/> (sorted: its direct neighbours, which belong to the edge relations).</summary>
    private void Collect(int relation, int op, ulong word, int baseRank, int[] byRank, ReadOnlySpan<int> excluded)
    {
        var taken = _taken[relation];
        while (word != 0 && taken[op] < _k)
        {
            int bit = BitOperations.TrailingZeroCount(word);
            word &= word - 1;
            int j = byRank[baseRank + bit];
            if (j != op && excluded.BinarySearch(j) < 0)
            {
                _members[relation][(long)op * _k + taken[op]++] = j;
            }
        }
    }
}
