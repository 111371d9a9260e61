using Scheduler.Baselines.Search;
using Scheduler.Graphs;
using Scheduler.Graphs.Topology;
using Scheduler.Testing;

namespace Scheduler.Baselines.Tests.Search;

public sealed class OrderProfileTests
{
    [Fact]
    public void Evaluate_RandomMovesOnRandomDags_AgreesWithMemoryModel()
    {
        for (int seed = 0; seed < 150; seed++)
        {
            CheckRandomMoves(TestData.RandomDag(seed, maxNodes: 80), seed);
        }
    }

    [Fact]
    public void Evaluate_RandomMovesOnGraphsWithEveryTensorKind_AgreesWithMemoryModel()
    {
        for (int seed = 0; seed < 300; seed++)
        {
            CheckRandomMoves(TinyGraphs.Random(seed, maxOps: 12), seed);
        }
    }

    [Fact]
    public void Evaluate_EveryMoveOnGolden_AgreesWithMemoryModel()
    {
        foreach (var golden in TestData.GoldenCases)
        {
            var graph = golden.Graph;
            var profile = new OrderProfile(graph, TopologicalSort.KahnOrder(graph), MemoryModelOptions.Default);
            for (int op = 0; op < graph.OpCount; op++)
            {
                var (low, high) = profile.Window(op);
                for (int target = low; target <= high; target++)
                {
                    var expected = Expected(graph, Moved(profile.Order, profile.Position(op), target));
                    Assert.True(expected == profile.Evaluate(op, target), $"{golden.Name}: op {op} to {target}");
                }
            }
        }
    }

    [Fact]
    public void Apply_Move_KeepsOrderValidAndPeakExact()
    {
        var graph = TestData.RandomDag(7, maxNodes: 60);
        var profile = new OrderProfile(graph, TopologicalSort.KahnOrder(graph), MemoryModelOptions.Default);
        var random = new Random(7);
        for (int k = 0; k < 50; k++)
        {
            int op = random.Next(graph.OpCount);
            var (low, high) = profile.Window(op);
            int target = random.Next(low, high + 1);
            var predicted = profile.Evaluate(op, target);
            profile.Apply(op, target);
            Assert.Equal(op, profile.Order[target]);
            Assert.Equal(predicted, (profile.Peak, profile.PeakCount));
            Assert.Equal(MemoryModel.Evaluate(graph, profile.Order), profile.Peak);
        }
    }

    private static void CheckRandomMoves(ComputationGraph graph, int seed)
    {
        var random = new Random(seed);
        var profile = new OrderProfile(graph, TopologicalSort.KahnOrder(graph), MemoryModelOptions.Default);
        for (int k = 0; k < 20; k++)
        {
            int op = random.Next(graph.OpCount);
            var (low, high) = profile.Window(op);
            Assert.InRange(profile.Position(op), low, high);
            int target = random.Next(low, high + 1);
            int[] moved = Moved(profile.Order, profile.Position(op), target);
            Assert.True(MemoryModel.IsValid(graph, moved, out string? why), $"seed {seed}: {why}");
            Assert.True(Expected(graph, moved) == profile.Evaluate(op, target), $"seed {seed}: op {op} to {target}");
            if (random.Next(3) == 0)
            {
                profile.Apply(op, target);
            }
        }
    }

    private static int[] Moved(int[] order, int from, int to)
    {
        var list = order.ToList();
        int op = list[from];
        list.RemoveAt(from);
        list.Insert(to, op);
        return list.ToArray();
    }

    private static (long Peak, int Count) Expected(ComputationGraph graph, int[] order)
    {
        long peak = MemoryModel.Evaluate(graph, order);
        return (peak, MemoryModel.Profile(graph, order).Count(m => m == peak));
    }
}
