using Scheduler.Graphs;
using Scheduler.Graphs.Topology;
using Scheduler.Testing;

namespace Scheduler.Graphs.Tests;

public partial class MemoryModelTests
{
    [Fact]
    public void Evaluate_RandomDagsRandomOrders_MatchesNaiveSimulator()
    {
        for (int seed = 0; seed < 200; seed++)
        {
            var g = seed % 2 == 0 ? TestData.RandomDag(seed, 40) : RandomMultiOutputGraph(seed);
            var order = RandomTopologicalOrder(g, new Random(seed));
            Assert.True(NaiveSimulator.Peak(g, order) == MemoryModel.Evaluate(g, order), $"seed {seed}");
        }
    }

    [Fact]
    public void Profile_MaxEqualsPeak_AndLengthIsOpCount()
    {
        for (int seed = 0; seed < 50; seed++)
        {
            var g = RandomMultiOutputGraph(seed);
            var order = TopologicalSort.KahnOrder(g);
            var profile = MemoryModel.Profile(g, order);
            Assert.Equal(g.OpCount, profile.Length);
            Assert.True(profile.Max() == MemoryModel.Evaluate(g, order), $"seed {seed}");
        }
    }

    [Fact]
    public void Bounds_TinyGraphs_NeverExceedExhaustiveOptimum()
    {
        for (int seed = 0; seed < 60; seed++)
        {
            var g = seed % 2 == 0 ? TestData.RandomDag(seed, 7) : RandomMultiOutputGraph(seed, maxOps: 7);
            long optimum = NaiveSimulator.OptimalPeak(g);
            Assert.True(MemoryModel.WorkingSetBound(g) <= optimum, $"working set, seed {seed}");
            Assert.True(MemoryModel.CutBound(g) <= optimum, $"cut, seed {seed}");
            Assert.True(MemoryModel.WorkingSetBound(g) <= MemoryModel.CutBound(g) || g.TensorCount > g.OpCount, $"cut ≥ ws on single-output, seed {seed}");
        }
    }

    /// <summary>Graphs with several outputs per op, graph outputs, resident and freeable inputs, unused outputs.</summary>
    internal static ComputationGraph RandomMultiOutputGraph(int seed, int maxOps = 25)
    {
        var random = new Random(seed);
        int n = random.Next(1, maxOps + 1);
        var b = new GraphBuilder($"multi-{seed}");
        var tensors = new List<int>();
        for (int i = 0; i < 3; i++)
        {
            tensors.Add(b.AddGraphInput(random.Next(0, 500), $"in{i}", freeable: random.Next(2) == 0));
        }
        for (int v = 0; v < n; v++)
        {
            int op = b.AddOp(v * 7 + 3, $"op{v}");
            int uses = random.Next(0, 4);
            for (int u = 0; u < uses; u++)
            {
                b.AddUse(tensors[random.Next(tensors.Count)], op);
            }
            int outs = random.Next(1, 4);
            for (int k = 0; k < outs; k++)
            {
                tensors.Add(b.AddOutput(op, random.Next(0, 1000), $"t{v}.{k}", graphOutput: random.Next(8) == 0));
            }
        }
        return b.Build();
    }

    internal static int[] RandomTopologicalOrder(ComputationGraph g, Random random) => Orders.RandomTopological(g, random);
}
