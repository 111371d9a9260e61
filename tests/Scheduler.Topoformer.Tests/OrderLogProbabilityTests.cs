using Scheduler.Graphs;
using Scheduler.Testing;
using Scheduler.Topoformer.Decoding;
using static TorchSharp.torch;

namespace Scheduler.Topoformer.Tests;

public class OrderLogProbabilityTests
{
    [Fact]
    public void Compute_AllOrdersOfSmallDag_ProbabilitiesSumToOne()
    {
        var graph = Toy.Diamond();
        var orders = NaiveSimulator.AllOrders(graph).ToList();
        using var logits = tensor(new float[] { 0.3f, -1f, 2f, 0.5f });
        using var logp = OrderLogProbability.Compute(logits, graph, orders);
        Assert.Equal(1.0, logp.exp().sum().item<float>(), 4);
    }

    [Fact]
    public void Compute_Edgeless_GreedyOrderIsMostLikelyAmongSamples()
    {
        // With no edges the sequential softmax is Plackett–Luce, whose mode is the greedy (descending) order.
        var graph = Toy.Edgeless(6);
        float[] scores = [0.5f, 2f, -1f, 1.2f, 0f, 3f];
        var random = new Random(4);
        var orders = new List<int[]> { PriorityDecoder.Decode(graph, scores, DecodeMode.Greedy, random) };
        for (int i = 0; i < 10; i++)
        {
            orders.Add(PriorityDecoder.Decode(graph, scores, DecodeMode.Sample, random));
        }
        using var logits = tensor(scores);
        float[] logp = OrderLogProbability.Compute(logits, graph, orders).data<float>().ToArray();
        Assert.All(logp.Skip(1), lp => Assert.True(logp[0] >= lp - 1e-5, $"greedy {logp[0]} < sample {lp}"));
    }

    [Fact]
    public void Compute_Logits_IsDifferentiable()
    {
        var graph = TestData.RandomDag(2, 20);
        using var logits = randn(graph.OpCount).requires_grad_();
        var orders = new List<int[]> { Scheduler.Graphs.Topology.TopologicalSort.KahnOrder(graph) };
        using var logp = OrderLogProbability.Compute(logits, graph, orders);
        logp.sum().backward();
        Assert.NotNull(logits.grad);
        Assert.True(logits.grad!.isfinite().all().item<bool>());
    }

    [Fact]
    public void Compute_InvalidOrder_Throws()
    {
        using var logits = zeros(4);
        Assert.Throws<InvalidScheduleException>(() => OrderLogProbability.Compute(logits, Toy.Diamond(), [[3, 2, 1, 0]]));
    }
}
