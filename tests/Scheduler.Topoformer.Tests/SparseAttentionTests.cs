using Scheduler.Graphs;
using Scheduler.Graphs.Generators;
using Scheduler.Testing;

namespace Scheduler.Topoformer.Tests;

/// <summary>The sampled attention against the dense masked attention it replaces, with the same weights.</summary>
public class SparseAttentionTests
{
    private static float MaxDifference(float[] a, float[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).DefaultIfEmpty(0).Max();

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 1)]
    [InlineData(5, 2)]
    public void Priorities_EveryRelationListedWhole_EqualDenseAttention(int seed, int headsPerMask)
    {
        var graph = TestData.RandomDag(seed, 80);
        // K = N (no pair budget) lists every relation whole: the sparse form must be the dense one up to float rounding.
        var options = Toy.Options with { HeadsPerMask = headsPerMask, AttentionPairs = 1, AttentionNeighbours = Math.Max(1, graph.OpCount) };
        using var network = Toy.Network(seed, options);
        network.eval();
        var sparse = network.Priorities(GraphEncoding.Create(graph, options));
        var dense = DenseTopoformer.Logits(network, graph);
        Assert.True(MaxDifference(sparse, dense) < 1e-4f, $"seed {seed}: max |sparse − dense| = {MaxDifference(sparse, dense)}");
    }

    [Fact]
    public void Priorities_ShippedWidthOnAChain_EqualDenseAttentionWhereNoRelationExceedsK()
    {
        // A 12-op chain: every relation of every op has at most 11 members, below K = 16, so sampling never applies.
        var sizes = Enumerable.Range(1, 12).Select(i => (long)i).ToArray();
        var graph = ComputationGraph.FromSizes(sizes, Enumerable.Range(0, 11).Select(i => (i, i + 1)).ToArray());
        var options = Toy.Options with { AttentionPairs = 1, AttentionNeighbours = 16 };
        using var network = Toy.Network(3, options);
        network.eval();
        var sparse = network.Priorities(GraphEncoding.Create(graph, options));
        Assert.True(MaxDifference(sparse, DenseTopoformer.Logits(network, graph)) < 1e-4f);
    }

    [Fact]
    public void Priorities_DefaultBudgetOnTrainingSizes_EqualDenseAttention()
    {
        // The default pair budget lists every relation whole on graphs of training size (here 250 ops).
        var graph = LayeredGraphGenerator.Generate(new LayeredGraphOptions(Nodes: 250), seed: 8);
        using var network = Toy.Network(5);
        network.eval();
        Assert.Equal(250, Toy.Options.NeighboursFor(250));
        var sparse = network.Priorities(GraphEncoding.Create(graph, Toy.Options));
        Assert.True(MaxDifference(sparse, DenseTopoformer.Logits(network, graph)) < 1e-4f);
    }

    [Fact]
    public void Priorities_RelationsAboveK_DifferFromDenseButStayFinite()
    {
        // The approximation is real: on 300 layered ops with K = 2 some closure and incomparable sets are sampled.
        var graph = LayeredGraphGenerator.Generate(new LayeredGraphOptions(Nodes: 300), seed: 9);
        var options = Toy.Options with { AttentionPairs = 1, AttentionNeighbours = 2 };
        using var network = Toy.Network(4, options);
        network.eval();
        var sparse = network.Priorities(GraphEncoding.Create(graph, options));
        Assert.All(sparse, x => Assert.True(float.IsFinite(x)));
        Assert.True(MaxDifference(sparse, DenseTopoformer.Logits(network, graph)) > 1e-3f);
    }
}
