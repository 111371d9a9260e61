using Scheduler.Testing;
using Scheduler.Topoformer.Model;
using static TorchSharp.torch;

namespace Scheduler.Topoformer.Tests;

public class TopoformerNetworkTests
{
    [Fact]
    public void Forward_RandomDag_OneFiniteStandardisedLogitPerNode()
    {
        using var network = Toy.Network();
        var graph = TestData.RandomDag(5, 40);
        using var logits = Toy.Forward(network, graph);
        Assert.Equal(new long[] { graph.OpCount }, logits.shape);
        Assert.True(logits.isfinite().all().item<bool>());
        if (graph.OpCount > 1)
        {
            Assert.Equal(0.0, logits.mean().item<float>(), 3);
            Assert.Equal(Toy.Options.LogitScale, Math.Sqrt(logits.square().mean().item<float>()), 2); // c·unit std
        }
    }

    [Fact]
    public void Forward_SingleNode_ZeroLogit()
    {
        using var network = Toy.Network();
        using var logits = Toy.Forward(network, Scheduler.Graphs.ComputationGraph.FromSizes([5], []));
        Assert.Equal(0f, logits.item<float>());
    }

    [Fact]
    public void Forward_Backward_GivesFiniteGradients()
    {
        using var network = Toy.Network();
        using var logits = Toy.Forward(network, Toy.Diamond());
        using var loss = logits[0] - logits[3];
        loss.backward();
        Assert.All(network.parameters(), p => Assert.True(p.grad is null || p.grad.isfinite().all().item<bool>()));
        Assert.Contains(network.parameters(), p => p.grad is not null && p.grad.abs().sum().item<float>() > 0);
    }

    [Fact]
    public void Constructor_BadOptions_Throws()
        => Assert.Throws<ArgumentException>(() => new TopoformerNetwork(Toy.Options with { Layers = 0 }));
}
