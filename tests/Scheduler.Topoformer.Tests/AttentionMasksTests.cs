using Scheduler.Graphs;
using Scheduler.Testing;

namespace Scheduler.Topoformer.Tests;

public class AttentionMasksTests
{
    private const int ReductionForward = 0, ReductionBackward = 1, ShortcutForward = 2, ShortcutBackward = 3;
    private const int ClosureForward = 4, ClosureBackward = 5, Incomparable = 6;

    private static bool At(bool[] masks, int n, int mask, int i, int j) => masks[(mask * n + i) * n + j];

    /// <summary>Pairs (i, j), i ≠ j, where the mask is set.</summary>
    private static HashSet<(int, int)> Pairs(bool[] masks, int n, int mask)
    {
        var pairs = new HashSet<(int, int)>();
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (i != j && At(masks, n, mask, i, j))
                {
                    pairs.Add((i, j));
                }
            }
        }
        return pairs;
    }

    [Fact]
    public void Build_Diamond_OnlyTheTwoBranchesAreIncomparable()
    {
        var masks = AttentionMasks.Build(Toy.Diamond());
        Assert.Equal(new HashSet<(int, int)> { (1, 2), (2, 1) }, Pairs(masks, 4, Incomparable));
        Assert.Equal(new HashSet<(int, int)> { (0, 1), (0, 2), (1, 3), (2, 3) }, Pairs(masks, 4, ReductionForward));
        Assert.Equal(new HashSet<(int, int)> { (0, 3) }, Pairs(masks, 4, ClosureForward));
        Assert.Equal(new HashSet<(int, int)> { (3, 0) }, Pairs(masks, 4, ClosureBackward));
        Assert.Empty(Pairs(masks, 4, ShortcutForward));
    }

    [Fact]
    public void Build_ChainWithShortcut_ShortcutEdgeIsNotInTheReduction()
    {
        var masks = AttentionMasks.Build(Toy.ChainWithShortcut());
        Assert.Equal(new HashSet<(int, int)> { (0, 1), (1, 2) }, Pairs(masks, 3, ReductionForward));
        Assert.Equal(new HashSet<(int, int)> { (1, 0), (2, 1) }, Pairs(masks, 3, ReductionBackward));
        Assert.Equal(new HashSet<(int, int)> { (0, 2) }, Pairs(masks, 3, ShortcutForward));
        Assert.Equal(new HashSet<(int, int)> { (2, 0) }, Pairs(masks, 3, ShortcutBackward));
        Assert.Empty(Pairs(masks, 3, ClosureForward)); // 0→2 is an edge, so closure minus DAG is empty
        Assert.Empty(Pairs(masks, 3, Incomparable));
    }

    [Fact]
    public void Build_PlainChain_LongRangePairIsInTheClosureMask()
    {
        var masks = AttentionMasks.Build(ComputationGraph.FromSizes([1, 1, 1], [(0, 1), (1, 2)]));
        Assert.Equal(new HashSet<(int, int)> { (0, 2) }, Pairs(masks, 3, ClosureForward));
        Assert.Empty(Pairs(masks, 3, ShortcutForward));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Build_RandomDag_SelfOnEveryMaskAndRelationsPartitionThePairs(int seed)
    {
        var graph = TestData.RandomDag(seed, 40);
        int n = graph.OpCount;
        var masks = AttentionMasks.Build(graph);
        for (int i = 0; i < n; i++)
        {
            for (int m = 0; m < AttentionMasks.Count; m++)
            {
                Assert.True(At(masks, n, m, i, i), $"seed {seed}: mask {m} lacks self at {i}");
            }
            for (int j = 0; j < n; j++)
            {
                if (i == j)
                {
                    continue;
                }
                int set = 0;
                for (int m = 0; m < AttentionMasks.Count; m++)
                {
                    set += At(masks, n, m, i, j) ? 1 : 0;
                }
                Assert.True(set == 1, $"seed {seed}: pair ({i},{j}) is in {set} masks");
            }
        }
    }
}
