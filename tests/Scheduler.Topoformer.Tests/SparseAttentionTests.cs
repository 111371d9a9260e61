using Scheduler.Graphs;
using Scheduler.Graphs.Generators;
using Scheduler.Testing;

namespace Scheduler.Topoformer.Tests;

/// <summary>The sampled attention against the dense masked attention it replaces, with the same weights.</summary>
public class SparseAttentionTests
{
    private static float MaxDifference(float[] a, float[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).DefaultIfEmpty(0).Max();

    /// <summary>Logits through the gather kernel (the one large graphs use), whatever the graph's size.</summary>
    private static float[] Gather(Scheduler.Topoformer.Model.TopoformerNetwork network, GraphEncoding encoding)
    {
        using var noGrad = TorchSharp.torch.no_grad();
        using var scope = TorchSharp.torch.NewDisposeScope();
        var index = encoding.AttentionTensors(TorchSharp.torch.CPU, network.Options.HeadsPerMask, denseKernelMaxNodes: 0);
        Assert.Null(index.DenseMask);
        return network.forward(encoding.FeatureTensor(TorchSharp.torch.CPU), index).data<float>().ToArray();
    }

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
        var sparse = Gather(network, GraphEncoding.Create(graph, options));
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
        var sparse = Gather(network, GraphEncoding.Create(graph, options));
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
        var sparse = Gather(network, GraphEncoding.Create(graph, Toy.Options));
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
        var sparse = Gather(network, GraphEncoding.Create(graph, options));
        Assert.All(sparse, x => Assert.True(float.IsFinite(x)));
        Assert.True(MaxDifference(sparse, DenseTopoformer.Logits(network, graph)) > 1e-3f);
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(5, 2)]
    public void Priorities_SampledTables_DenseMaskKernelEqualsGatherKernel(int k, int headsPerMask)
    {
        // Small graphs run the same tables through a dense mask and SDPA: same function, bias included.
        var graph = LayeredGraphGenerator.Generate(new LayeredGraphOptions(Nodes: 300), seed: 10);
        var options = Toy.Options with { AttentionPairs = 1, AttentionNeighbours = k, HeadsPerMask = headsPerMask };
        using var network = Toy.Network(6, options);
        network.eval();
        var encoding = GraphEncoding.Create(graph, options);
        var dense = network.Priorities(encoding);
        var gather = Gather(network, encoding);
        Assert.True(MaxDifference(dense, gather) < 1e-4f, $"K {k}: max |dense kernel − gather kernel| = {MaxDifference(dense, gather)}");
    }
}
