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
    public void Compute_MemoryWeight_Diamond_MatchesTheHandDerivedStepSoftmax()
    {
        // Diamond (outputs 4, 2, 3, 1 B; mean op output 2.5 B). After op 0, op 1 scores 1 - 0.8 = 0.2 and op 2
        // 1.2 - 1.2 = 0 at w = 1 (MemoryAwareDecodingTests derives the terms); every other step has one ready op.
        using var logits = tensor(new float[] { 0, 1, 1.2f, 9 });
        using var logp = OrderLogProbability.Compute(logits, Toy.Diamond(), [[0, 1, 2, 3], [0, 2, 1, 3]], 1.0, MemoryModelOptions.Default);
        float[] got = logp.data<float>().ToArray();
        double normaliser = Math.Log(Math.Exp(0.2) + 1);
        Assert.Equal(0.2 - normaliser, got[0], 5);
        Assert.Equal(0 - normaliser, got[1], 5);
    }

    public static IEnumerable<object[]> Models() => MemoryModelOptions.All.Select(m => new object[] { m.Name });

    [Theory]
    [MemberData(nameof(Models))]
    public void Compute_MemoryWeight_IsTheDistributionTheMemoryAwareSamplerDrawsFrom(string model)
    {
        // Over every order of small graphs the probabilities sum to one, and 20,000 draws of the sampler land on each
        // order as often as exp(log p) says (binomial standard error at most 0.0036; the bound is 4 of them).
        var memory = MemoryModelOptions.Parse(model)!;
        foreach (var graph in new[] { InPlaceGraphs.Random(3, 7), ViewGraphs.Random(5, 7), TestData.RandomDag(7, 7) })
        {
            var orders = NaiveSimulator.AllOrders(graph).ToList();
            var random = new Random(11);
            float[] scores = Enumerable.Range(0, graph.OpCount).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
            using var logits = tensor(scores);
            using var logp = OrderLogProbability.Compute(logits, graph, orders, 2.0, memory);
            float[] p = logp.exp().data<float>().ToArray();
            Assert.Equal(1.0, p.Sum(), 4);
            var counts = new Dictionary<string, int>();
            const int draws = 20_000;
            for (int i = 0; i < draws; i++)
            {
                string key = string.Join(',', PriorityDecoder.Decode(graph, scores, DecodeMode.Sample, random, 1.0, 2.0, memory));
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
            for (int o = 0; o < orders.Count; o++)
            {
                double seen = counts.GetValueOrDefault(string.Join(',', orders[o])) / (double)draws;
                Assert.True(Math.Abs(seen - p[o]) < 0.015, $"{graph.Name} order {string.Join(',', orders[o])}: drawn {seen:F4}, log p says {p[o]:F4}");
            }
        }
    }

    [Fact]
    public void Compute_MemoryWeightZero_IsThePapersPolicy_AndTheLimitOfSmallWeights()
    {
        var graph = TestData.RandomDag(4, 30);
        var random = new Random(2);
        float[] scores = Enumerable.Range(0, graph.OpCount).Select(_ => (float)random.NextDouble()).ToArray();
        var orders = Enumerable.Range(0, 3).Select(_ => PriorityDecoder.Decode(graph, scores, DecodeMode.Sample, random)).ToList();
        using var logits = tensor(scores);
        Assert.Equal(OrderLogProbability.Compute(logits, graph, orders).data<float>().ToArray(),
            OrderLogProbability.Compute(logits, graph, orders, 0, MemoryModelOptions.InPlaceReuse).data<float>().ToArray());
        // The offset path (−∞ off the ready set, −w·term on it) at a vanishing weight is the mask path's policy.
        float[] masked = OrderLogProbability.Compute(logits, graph, orders).data<float>().ToArray();
        float[] offsets = OrderLogProbability.Compute(logits, graph, orders, 1e-12, MemoryModelOptions.Default).data<float>().ToArray();
        for (int s = 0; s < orders.Count; s++)
        {
            Assert.Equal(masked[s], offsets[s], 4);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => OrderLogProbability.Compute(logits, graph, orders, -1, MemoryModelOptions.Default));
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
