using Scheduler.Graphs;
using Scheduler.Testing;

namespace Scheduler.Topoformer.Tests;

public class GraphFeaturesTests
{
    [Fact]
    public void Compute_RandomDag_ShapeIsNodesTimesFeaturesAndFinite()
    {
        var graph = TestData.RandomDag(11, 50);
        var features = GraphFeatures.Compute(graph, TopoformerOptions.AllFeatures);
        Assert.Equal(graph.OpCount * TopoformerOptions.AllFeatures.Count, features.Length);
        Assert.All(features, x => Assert.True(float.IsFinite(x)));
    }

    [Fact]
    public void Compute_Diamond_NormalisesPerGraph()
    {
        var f = GraphFeatures.Compute(Toy.Diamond(), ["output_bytes", "depth", "descendants", "sole_input_bytes"]);
        // sizes 4,2,3,1 have mean 2.5; depths 0,1,1,2 over max 2; descendants 3,1,1,0 over N-1 = 3.
        Assert.Equal([4 / 2.5f, 0f, 1f], [f[0], f[1], f[2]]);
        Assert.Equal([2 / 2.5f, 0.5f, 1 / 3f], [f[4], f[5], f[6]]);
        Assert.Equal(1f, f[3 * 4 + 1]);
        // op 1 is the only consumer of nothing alone (op 0 feeds both 1 and 2); op 3 alone consumes 1 and 2.
        Assert.Equal(0f, f[1 * 4 + 3]);
        Assert.True(f[3 * 4 + 3] > 0);
    }

    [Fact]
    public void Compute_UnknownFeature_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => GraphFeatures.Compute(Toy.Diamond(), ["colour"]));
        Assert.Contains("colour", e.Message);
    }

    [Fact]
    public void Create_Encoding_TensorsHaveModelShapes()
    {
        var options = Toy.Options with { HeadsPerMask = 2 };
        var encoding = GraphEncoding.Create(Toy.Diamond(), options);
        using var x = encoding.FeatureTensor(TorchSharp.torch.CPU);
        using var index = encoding.AttentionTensors(TorchSharp.torch.CPU, 2);
        Assert.Equal(new long[] { 4, options.Features.Count }, x.shape);
        Assert.Equal(AttentionRelations.Count, index.Keys.Count);
        // Diamond: op 0 has two reduction successors, so that table is 1 + 2 wide; only 1 and 2 are incomparable.
        Assert.Equal(new long[] { 4, 3 }, index.Keys[AttentionRelations.ReductionForward].shape);
        Assert.Equal(new long[] { 4, 2 }, index.Bias[AttentionRelations.Incomparable].shape);
        Assert.Equal(new long[] { 1, 2 * AttentionRelations.Count, 4, 4 }, index.DenseMask!.shape);
    }
}
