using Scheduler.Graphs;
using Scheduler.Graphs.Topology;
using Scheduler.Testing;
using static Scheduler.Topoformer.AttentionRelations;

namespace Scheduler.Topoformer.Tests;

public class SampledRelationsTests
{
    private static HashSet<(int, int)> Pairs(SampledRelations r, int relation)
    {
        var pairs = new HashSet<(int, int)>();
        for (int i = 0; i < r.Nodes; i++)
        {
            foreach (int j in r.Members(relation, i))
            {
                pairs.Add((i, j));
            }
        }
        return pairs;
    }

    [Fact]
    public void Compute_Diamond_OnlyTheTwoBranchesAreIncomparable()
    {
        var r = SampledRelations.Compute(Toy.Diamond(), 8);
        Assert.Equal(new HashSet<(int, int)> { (1, 2), (2, 1) }, Pairs(r, Incomparable));
        Assert.Equal(new HashSet<(int, int)> { (0, 1), (0, 2), (1, 3), (2, 3) }, Pairs(r, ReductionForward));
        Assert.Equal(new HashSet<(int, int)> { (0, 3) }, Pairs(r, ClosureForward));
        Assert.Equal(new HashSet<(int, int)> { (3, 0) }, Pairs(r, ClosureBackward));
        Assert.Empty(Pairs(r, ShortcutForward));
    }

    [Fact]
    public void Compute_ChainWithShortcut_ShortcutEdgeIsNotInTheReduction()
    {
        var r = SampledRelations.Compute(Toy.ChainWithShortcut(), 8);
        Assert.Equal(new HashSet<(int, int)> { (0, 1), (1, 2) }, Pairs(r, ReductionForward));
        Assert.Equal(new HashSet<(int, int)> { (1, 0), (2, 1) }, Pairs(r, ReductionBackward));
        Assert.Equal(new HashSet<(int, int)> { (0, 2) }, Pairs(r, ShortcutForward));
        Assert.Equal(new HashSet<(int, int)> { (2, 0) }, Pairs(r, ShortcutBackward));
        Assert.Empty(Pairs(r, ClosureForward)); // 0→2 is an edge, so closure minus DAG is empty
        Assert.Empty(Pairs(r, Incomparable));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Compute_LargeK_EqualsTheDenseMasksAndExactCounts(int seed)
    {
        var graph = TestData.RandomDag(seed, 150);
        int n = graph.OpCount;
        var masks = DenseRelations.Build(graph);
        var reach = Reachability.Compute(graph);
        var r = SampledRelations.Compute(graph, n + 1);
        for (int i = 0; i < n; i++)
        {
            Assert.True(reach.Ancestors(i).Count() == r.AncestorCount(i), $"seed {seed}: ancestors of {i}");
            Assert.True(reach.Descendants(i).Count() == r.DescendantCount(i), $"seed {seed}: descendants of {i}");
            for (int m = 0; m < Count; m++)
            {
                var expected = DenseRelations.Members(masks, n, m, i);
                Assert.True(expected.SetEquals(r.Members(m, i).ToArray()), $"seed {seed}: {Names[m]} of op {i}");
                Assert.True(expected.Count == r.Size(m, i), $"seed {seed}: size of {Names[m]} of op {i}");
            }
        }
    }

    [Theory]
    [InlineData(11, 3)]
    [InlineData(12, 5)]
    [InlineData(13, 1)]
    public void Compute_SmallK_ListsMinOfKAndSizeDistinctMembersOfTheRelation(int seed, int k)
    {
        var graph = TestData.RandomDag(seed, 150);
        int n = graph.OpCount;
        var masks = DenseRelations.Build(graph);
        var r = SampledRelations.Compute(graph, k);
        for (int i = 0; i < n; i++)
        {
            for (int m = 0; m < Count; m++)
            {
                var expected = DenseRelations.Members(masks, n, m, i);
                var listed = r.Members(m, i).ToArray();
                Assert.True(listed.Length == Math.Min(k, expected.Count), $"seed {seed}: {Names[m]} of op {i} lists {listed.Length}");
                Assert.True(listed.Distinct().Count() == listed.Length && listed.All(expected.Contains), $"seed {seed}: {Names[m]} of {i}");
                Assert.Equal(expected.Count, r.Size(m, i));
            }
        }
    }

    [Fact]
    public void Compute_SameGraphTwice_SameSample()
    {
        var graph = TestData.RandomDag(21, 150);
        var a = SampledRelations.Compute(graph, 4);
        var b = SampledRelations.Compute(graph, 4);
        for (int m = 0; m < Count; m++)
        {
            Assert.Equal(Pairs(a, m), Pairs(b, m));
        }
    }

    [Fact]
    public void Compute_MoreOpsThanOneBlock_MatchesTheDenseMasks()
    {
        // 3,000 ops: two blocks of 2,048 ranks, so members and shortcut edges are found across block boundaries.
        var graph = Scheduler.Graphs.Generators.LayeredGraphGenerator.Generate(
            new Scheduler.Graphs.Generators.LayeredGraphOptions(Nodes: 3000), seed: 5);
        int n = graph.OpCount;
        var masks = DenseRelations.Build(graph);
        var r = SampledRelations.Compute(graph, 6);
        for (int i = 0; i < n; i += 7)
        {
            for (int m = 0; m < Count; m++)
            {
                var expected = DenseRelations.Members(masks, n, m, i);
                var listed = r.Members(m, i).ToArray();
                Assert.True(listed.Length == Math.Min(6, expected.Count) && listed.All(expected.Contains), $"{Names[m]} of op {i}");
                Assert.Equal(expected.Count, r.Size(m, i));
            }
        }
    }

    [Fact]
    public void Compute_KBelowOne_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => SampledRelations.Compute(Toy.Diamond(), 0));

    [Theory]
    [InlineData(100, 32, 262_144, 100)] // √B = 512: small graphs are exact
    [InlineData(2000, 32, 262_144, 131)]
    [InlineData(8000, 32, 262_144, 32)]
    [InlineData(50000, 32, 262_144, 32)] // the floor K_min
    [InlineData(3, 1, 1, 1)]
    public void NeighboursFor_Budget_IsMinOfNAndMaxOfFloorAndBudgetOverN(int nodes, int floor, int pairs, int expected)
        => Assert.Equal(expected, new TopoformerOptions { AttentionNeighbours = floor, AttentionPairs = pairs }.NeighboursFor(nodes));

    [Theory]
    [InlineData(0, 262_144, "attention_neighbours")]
    [InlineData(5000, 262_144, "attention_neighbours")]
    [InlineData(32, 0, "attention_pairs")]
    public void Validate_BadAttentionSizes_ThrowNamingTheKey(int floor, int pairs, string key)
    {
        var e = Assert.Throws<ArgumentException>(() => new TopoformerOptions { AttentionNeighbours = floor, AttentionPairs = pairs }.Validate());
        Assert.Contains(key, e.Message);
    }
}
