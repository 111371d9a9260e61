using Scheduler.Graphs;
using Scheduler.Testing;
using Scheduler.Topoformer.Decoding;

namespace Scheduler.Topoformer.Tests;

public class StochasticBeamSamplerTests
{
    private static float[] Priorities(ComputationGraph graph, int seed, double scale = 6)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, graph.OpCount).Select(_ => (float)(random.NextDouble() * scale - scale / 2))];
    }

    [Fact]
    public void Sample_RandomDags_DistinctValidOrdersDeterministicPerSeed()
    {
        for (int seed = 1; seed <= 20; seed++)
        {
            var graph = TestData.RandomDag(seed, 60);
            var priorities = Priorities(graph, seed);
            var orders = StochasticBeamSampler.Sample(graph, priorities, 16, 1.0, new Random(seed))!;
            Assert.Equal(CountOrders(graph, 16), orders.Count); // 16, or every order of a graph with fewer
            Assert.True(orders.Count >= 2 || graph.OpCount < 4, $"seed {seed}: {graph.OpCount} ops gave {orders.Count} order(s)");
            Assert.All(orders, o => Assert.True(MemoryModel.IsValid(graph, o, out string? why), $"seed {seed}: {why}"));
            Assert.Equal(orders.Count, orders.Select(o => string.Join(",", o)).Distinct().Count());
            var again = StochasticBeamSampler.Sample(graph, priorities, 16, 1.0, new Random(seed))!;
            Assert.Equal(orders, again); // same seed, same orders in the same sequence
        }
    }

    [Fact]
    public void Sample_MoreThanTheGraphHas_ReturnsEveryOrderOnce()
    {
        // Three independent ops have 3! = 6 orders; asking for 10 gives all six, each once.
        var orders = StochasticBeamSampler.Sample(Toy.Edgeless(3), [0, 1, 2], 10, 1.0, new Random(4))!;
        Assert.Equal(6, orders.Count);
        Assert.Equal(6, orders.Select(o => string.Join(",", o)).Distinct().Count());
    }

    [Fact]
    public void Sample_FirstTwoOrders_FollowThePolicyWithoutReplacement()
    {
        // Plackett–Luce over three free ops: p(π) = Π_t exp(s_πt) / Σ_{j not yet run} exp(s_j). The first order must be
        // drawn with p(π), and the first two as an ordered pair without replacement: p(a) · p(b) / (1 − p(a)).
        float[] logits = [0, 0.7f, 1.4f];
        var graph = Toy.Edgeless(3);
        var all = Permutations(3).ToList();
        var p = all.ToDictionary(Key, o => PlackettLuce(o, logits));
        const int Trials = 6000;
        var first = new Dictionary<string, int>();
        var pairs = new Dictionary<string, int>();
        for (int t = 0; t < Trials; t++)
        {
            var orders = StochasticBeamSampler.Sample(graph, logits, 2, 1.0, new Random(10_000 + t))!;
            first[Key(orders[0])] = first.GetValueOrDefault(Key(orders[0])) + 1;
            string pair = Key(orders[0]) + "|" + Key(orders[1]);
            pairs[pair] = pairs.GetValueOrDefault(pair) + 1;
        }
        foreach (var o in all)
        {
            AssertFrequency(first.GetValueOrDefault(Key(o)), p[Key(o)], Trials, $"first order {Key(o)}");
        }
        foreach (var a in all)
        {
            foreach (var b in all.Where(b => Key(b) != Key(a)))
            {
                double expected = p[Key(a)] * p[Key(b)] / (1 - p[Key(a)]);
                AssertFrequency(pairs.GetValueOrDefault(Key(a) + "|" + Key(b)), expected, Trials, $"pair {Key(a)} then {Key(b)}");
            }
        }
    }

    [Fact]
    public void Sample_CapAlreadyReached_ReturnsNull()
    {
        var graph = TestData.RandomDag(3, 40);
        Assert.Null(StochasticBeamSampler.Sample(graph, Priorities(graph, 3), 4, 1.0, new Random(1), new SafetyCap(TimeSpan.Zero)));
    }

    [Fact]
    public void BestOf_WithoutReplacement_NeverWorseThanGreedyAndSeesDistinctOrders()
    {
        for (int seed = 1; seed <= 20; seed++)
        {
            var graph = TestData.RandomDag(seed, 60);
            var priorities = Priorities(graph, seed);
            var (best, drawn, capped) = PriorityDecoder.BestOf(graph, priorities, 16, DecodeMode.StochasticBeam, seed, 1.0, null, default);
            long greedy = MemoryModel.Evaluate(graph, PriorityDecoder.Decode(graph, priorities, DecodeMode.Greedy, new Random(0)));
            Assert.True(MemoryModel.IsValid(graph, best, out string? why), $"seed {seed}: {why}");
            Assert.True(MemoryModel.Evaluate(graph, best) <= greedy, $"seed {seed}");
            Assert.Equal(1 + CountOrders(graph, 15), drawn);
            Assert.False(capped);
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Temperature_NotPositiveFinite_Refused(double temperature)
    {
        var graph = Toy.Diamond();
        float[] logits = [0, 1, 2, 3];
        Assert.Throws<ArgumentOutOfRangeException>(() => PriorityDecoder.Decode(graph, logits, DecodeMode.Sample, new Random(1), temperature));
        Assert.Throws<ArgumentOutOfRangeException>(() => PriorityDecoder.BestOf(graph, logits, 4, DecodeMode.StochasticBeam, 1, temperature, null, default));
        Assert.Throws<ArgumentOutOfRangeException>(() => StochasticBeamSampler.Sample(graph, logits, 4, temperature, new Random(1)));
        using var network = Toy.Network(25);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new TopoformerScheduler("topoformer-sample", network, 4, DecodeMode.Sample, 1, temperature: temperature));
        Assert.Contains("temperature", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_HighTemperature_FlattensADominantLogit()
    {
        // At T = 1 a logit 50 above the rest is always first; at T = 1000 the four ops are nearly uniform.
        float[] logits = [0, 0, 50, 0];
        int sharp = 0, flat = 0;
        for (int seed = 0; seed < 400; seed++)
        {
            sharp += PriorityDecoder.Decode(Toy.Edgeless(4), logits, DecodeMode.Sample, new Random(seed), 1.0)[0] == 2 ? 1 : 0;
            flat += PriorityDecoder.Decode(Toy.Edgeless(4), logits, DecodeMode.Sample, new Random(seed), 1000.0)[0] == 2 ? 1 : 0;
        }
        Assert.Equal(400, sharp);
        Assert.InRange(flat, 60, 150); // expected ≈ 400 · e^0.05 / (3 + e^0.05) ≈ 103
    }

    /// <summary>The number of topological orders of <paramref name="graph"/>, counted up to <paramref name="limit"/>.</summary>
    private static int CountOrders(ComputationGraph graph, int limit)
    {
        var waiting = Enumerable.Range(0, graph.OpCount).Select(v => graph.Predecessors(v).Length).ToArray();
        int Count(int placed)
        {
            if (placed == graph.OpCount)
            {
                return 1;
            }
            int total = 0;
            for (int v = 0; v < graph.OpCount && total < limit; v++)
            {
                if (waiting[v] != 0)
                {
                    continue;
                }
                waiting[v] = -1;
                foreach (int w in graph.Successors(v))
                {
                    waiting[w]--;
                }
                total += Count(placed + 1);
                foreach (int w in graph.Successors(v))
                {
                    waiting[w]++;
                }
                waiting[v] = 0;
            }
            return Math.Min(total, limit);
        }
        return Count(0);
    }

    private static void AssertFrequency(int count, double p, int trials, string what)
    {
        double sigma = Math.Sqrt(trials * p * (1 - p));
        Assert.True(Math.Abs(count - trials * p) <= 4.5 * sigma + 1, $"{what}: {count} of {trials}, expected {trials * p:F0} ± {sigma:F0}");
    }

    private static double PlackettLuce(int[] order, float[] logits)
    {
        double p = 1;
        var left = new List<int>(order);
        foreach (int v in order)
        {
            p *= Math.Exp(logits[v]) / left.Sum(j => Math.Exp(logits[j]));
            left.Remove(v);
        }
        return p;
    }

    private static string Key(int[] order) => string.Join("", order);

    private static IEnumerable<int[]> Permutations(int n)
        => n == 0 ? [[]] : Permutations(n - 1).SelectMany(p => Enumerable.Range(0, n).Select(i => (int[])[.. p[..i], n - 1, .. p[i..]]));
}
