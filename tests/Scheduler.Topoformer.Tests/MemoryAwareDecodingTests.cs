using Scheduler.Graphs;
using Scheduler.Testing;
using Scheduler.Topoformer.Decoding;

namespace Scheduler.Topoformer.Tests;

public class MemoryAwareDecodingTests
{
    [Theory]
    [InlineData(0.0, new[] { 0, 2, 1, 3 })]
    [InlineData(0.4, new[] { 0, 2, 1, 3 })]
    [InlineData(1.0, new[] { 0, 1, 2, 3 })]
    public void Greedy_Diamond_TheWeightTradesThePriorityGapForBytes(double weight, int[] expected)
    {
        // Diamond (outputs 4, 2, 3, 1 B; mean op output 2.5 B). After op 0 both 1 and 2 still need its output, so running
        // 1 adds 2 B and running 2 adds 3 B. Scores: 1 - 0.8w for op 1, 1.2 - 1.2w for op 2: op 2 first while w < 0.5.
        var order = PriorityDecoder.Decode(Toy.Diamond(), [0, 1, 1.2f, 9], DecodeMode.Greedy, new Random(1), 1.0, weight, null);
        Assert.Equal(expected, order);
    }

    public static IEnumerable<object[]> Models() => MemoryModelOptions.All.Select(m => new object[] { m.Name });

    [Theory]
    [MemberData(nameof(Models))]
    public void Greedy_EqualsANaiveDecoderThatRescoresEveryReadyOpAtEveryStep(string model)
    {
        // The decoder rescores only the ops a step can affect (NetAllocation.Affected); rescoring all of them must agree.
        var memory = MemoryModelOptions.Parse(model)!;
        for (int seed = 1; seed <= 60; seed++)
        {
            var graph = MixedGraph(seed);
            var priorities = Priorities(graph, seed);
            foreach (double weight in new[] { 0.5, 3.0 })
            {
                int[] order = PriorityDecoder.Decode(graph, priorities, DecodeMode.Greedy, new Random(0), 1.0, weight, memory);
                Assert.Equal(NaiveGreedy(graph, priorities, weight, memory), order);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Sample_EqualsANaiveSamplerThatRescoresEveryReadyOpAtEveryStep(string model)
    {
        var memory = MemoryModelOptions.Parse(model)!;
        for (int seed = 1; seed <= 60; seed++)
        {
            var graph = MixedGraph(seed);
            var priorities = Priorities(graph, seed);
            int[] order = PriorityDecoder.Decode(graph, priorities, DecodeMode.Sample, new Random(seed), 1.0, 2.0, memory);
            Assert.True(MemoryModel.IsValid(graph, order, out string? why), why);
            Assert.Equal(NaiveSample(graph, priorities, 2.0, memory, new Random(seed)), order);
        }
    }

    [Fact]
    public void Temperature_ScalesTheWholeMemoryAwareLogit_NotThePrioritiesAlone()
    {
        // Sampling at T divides s − W·term by T: the same draw as sampling s/T at temperature 1 with weight W/T (0.5 is
        // a power of two, so s/T is exact). With the term left out of the scaling (s/T − W·term, as before) the draws
        // would be those of weight W at temperature 1 on s/T, which differ.
        int differ = 0;
        for (int seed = 1; seed <= 30; seed++)
        {
            var graph = TestData.RandomDag(seed, 40);
            var priorities = Priorities(graph, seed);
            var doubled = priorities.Select(p => p * 2).ToArray();
            foreach (var mode in new[] { DecodeMode.Sample, DecodeMode.Perturbed })
            {
                int[] order = PriorityDecoder.Decode(graph, priorities, mode, new Random(seed), 0.5, 1.0, null);
                Assert.Equal(PriorityDecoder.Decode(graph, doubled, mode, new Random(seed), 1.0, 2.0, null), order);
                differ += order.SequenceEqual(PriorityDecoder.Decode(graph, doubled, mode, new Random(seed), 1.0, 1.0, null)) ? 0 : 1;
            }
            // Greedy ignores the temperature.
            Assert.Equal(PriorityDecoder.Decode(graph, priorities, DecodeMode.Greedy, new Random(seed), 1.0, 1.0, null),
                PriorityDecoder.Decode(graph, priorities, DecodeMode.Greedy, new Random(seed), 0.5, 1.0, null));
        }
        Assert.True(differ > 0, "the scaling of the term changed no draw, so this test checks nothing");
    }

    [Fact]
    public void BestOf_TheGreedyCandidateKeepsTheUnscaledWeight()
    {
        // Best of one is the greedy decode, whatever the temperature: argmax of (s − W·term) / T is argmax of s − W·term.
        for (int seed = 1; seed <= 20; seed++)
        {
            var graph = TestData.RandomDag(seed, 40);
            var priorities = Priorities(graph, seed);
            int[] greedy = PriorityDecoder.Decode(graph, priorities, DecodeMode.Greedy, new Random(0), 1.0, 1.0, null);
            Assert.Equal(greedy, PriorityDecoder.BestOf(graph, priorities, 1, DecodeMode.Sample, seed, 0.25, 1.0, null, MemoryModelOptions.Default, default).Order);
        }
    }

    [Fact]
    public void WeightZero_IsThePapersDecoder()
    {
        for (int seed = 1; seed <= 20; seed++)
        {
            var graph = TestData.RandomDag(seed, 60);
            var priorities = Priorities(graph, seed);
            foreach (var mode in new[] { DecodeMode.Greedy, DecodeMode.Sample, DecodeMode.Perturbed })
            {
                Assert.Equal(PriorityDecoder.Decode(graph, priorities, mode, new Random(seed), 0.7),
                    PriorityDecoder.Decode(graph, priorities, mode, new Random(seed), 0.7, 0, null));
            }
        }
    }

    [Fact]
    public void BadWeights_AndAWeightWithStochasticBeam_AreRefused()
    {
        var graph = Toy.Diamond();
        Assert.Throws<ArgumentOutOfRangeException>(() => PriorityDecoder.Decode(graph, new float[4], DecodeMode.Greedy, new Random(1), 1, -1, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => PriorityDecoder.Decode(graph, new float[4], DecodeMode.Greedy, new Random(1), 1, double.NaN, null));
        Assert.Throws<ArgumentException>(() => PriorityDecoder.BestOf(graph, new float[4], 4, DecodeMode.StochasticBeam, 1, 1, 1, null, MemoryModelOptions.Default, default));
        Assert.NotNull(PriorityDecoder.BestOf(graph, new float[4], 4, DecodeMode.StochasticBeam, 1, 1, 0, null, MemoryModelOptions.Default, default).Order);
    }

    /// <summary>Graphs with views, with in-place candidates, or plain random DAGs, by seed.</summary>
    private static ComputationGraph MixedGraph(int seed)
        => seed % 3 == 0 ? ViewGraphs.Random(seed, 40) : seed % 3 == 1 ? InPlaceGraphs.Random(seed, 40) : TestData.RandomDag(seed, 60);

    private static float[] Priorities(ComputationGraph graph, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, graph.OpCount).Select(_ => (float)(random.NextDouble() * 6 - 3)).ToArray();
    }

    /// <summary>The weight per byte NetAllocation uses: the weight per mean positive op output.</summary>
    private static double PerByte(ComputationGraph g, double weight)
    {
        var outputs = Enumerable.Range(0, g.OpCount).Select(g.OutputBytes).Where(b => b > 0).ToList();
        return outputs.Count == 0 ? 0 : weight * outputs.Count / outputs.Sum();
    }

    private static double Net(MemorySimulator sim, int v, double perByte) => perByte * (sim.AllocatedBytes(v) - sim.ReusedBytes(v) - sim.FreedBy(v));

    private static bool Ready(ComputationGraph g, bool[] ran, int v) => !ran[v] && g.Predecessors(v).ToArray().All(p => ran[p]);

    private static int[] NaiveGreedy(ComputationGraph g, float[] p, double weight, MemoryModelOptions memory)
    {
        var sim = new MemorySimulator(g, memory);
        var ran = new bool[g.OpCount];
        double perByte = PerByte(g, weight);
        var order = new List<int>();
        while (order.Count < g.OpCount)
        {
            // Smallest (net − priority), ties to the lower index: the decoder's key.
            int best = Enumerable.Range(0, g.OpCount).Where(v => Ready(g, ran, v)).MinBy(v => (Net(sim, v, perByte) - p[v], v));
            order.Add(best);
            ran[best] = true;
            sim.Execute(best);
        }
        return [.. order];
    }

    /// <summary>The decoder's sampling loop with every score recomputed: the draw is copied on purpose, so that the same
    /// random stream must pick the same ops when the scores agree.</summary>
    private static int[] NaiveSample(ComputationGraph g, float[] logits, double weight, MemoryModelOptions memory, Random random)
    {
        var sim = new MemorySimulator(g, memory);
        var ran = new bool[g.OpCount];
        double perByte = PerByte(g, weight);
        var tracker = new Scheduler.Graphs.Topology.ReadyTracker(g);
        var ready = tracker.Sources.ToArray().ToList();
        var order = new List<int>();
        while (order.Count < g.OpCount)
        {
            var score = ready.Select(v => logits[v] - Net(sim, v, perByte)).ToArray();
            double max = score.Max();
            var w = score.Select(s => Math.Exp(s - max)).ToArray();
            double r = random.NextDouble() * w.Sum();
            int pick = ready.Count - 1;
            for (int i = 0; i < ready.Count - 1; i++)
            {
                r -= w[i];
                if (r < 0)
                {
                    pick = i;
                    break;
                }
            }
            int u = ready[pick];
            ready[pick] = ready[^1];
            ready.RemoveAt(ready.Count - 1);
            order.Add(u);
            ran[u] = true;
            sim.Execute(u);
            foreach (int x in tracker.Run(u))
            {
                ready.Add(x);
            }
        }
        return [.. order];
    }
}
