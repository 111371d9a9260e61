using Scheduler.Graphs.Arena;
using Scheduler.Graphs.Topology;
using Scheduler.Testing;

namespace Scheduler.Graphs.Tests.Arena;

public class OffsetStrategyTests
{
    public static TheoryData<string> Strategies => [.. ArenaPlanner.GreedyStrategies.Select(s => s.Name)];

    private static IOffsetStrategy Strategy(string name) => ArenaPlanner.GreedyStrategies.Single(s => s.Name == name);

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Assign_RandomGraphsAndOrders_ValidAtEveryAlignment(string name)
    {
        var strategy = Strategy(name);
        for (int seed = 0; seed < 120; seed++)
        {
            var g = seed % 3 == 0 ? TestData.RandomDag(seed, 40) : InPlaceGraphs.Random(seed);
            var order = Orders.RandomTopological(g, new Random(seed));
            foreach (var options in new[] { MemoryModelOptions.Default, MemoryModelOptions.InPlaceReuse })
            {
                foreach (long alignment in new long[] { 1, 8, 64 })
                {
                    string where = $"{name}, seed {seed}, {options.Name}, alignment {alignment}";
                    var problem = ArenaPlanner.Problem(g, order, options, alignment);
                    var plan = ArenaPlanner.Plan(problem, [strategy], options);
                    ArenaChecks.Valid(plan, where);
                    Assert.True(plan.PeakBytes == MemoryModel.Evaluate(g, order, options), where);
                    Assert.True(problem.Problem(plan.Winner.Offsets.AsSpan()) is null, where);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Assign_GoldenGraphs_ValidAndAtLeastPeak(string name)
    {
        foreach (var c in TestData.GoldenCases)
        {
            var order = Enumerable.Range(0, c.Graph.OpCount).ToArray();
            var plan = ArenaPlanner.Plan(ArenaPlanner.Problem(c.Graph, order), [Strategy(name)]);
            ArenaChecks.Valid(plan, $"{name}, {c.Name}");
            Assert.True(plan.PeakBytes == c.InputOrderPeak, c.Name);
        }
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Assign_Chain_ReachesPeakAndIsProven(string name)
    {
        var g = ComputationGraph.FromSizes([5, 7, 3, 7, 5], [(0, 1), (1, 2), (2, 3), (3, 4)]);
        var plan = ArenaPlanner.Plan(ArenaPlanner.Problem(g, [0, 1, 2, 3, 4]), [Strategy(name)]);
        Assert.Equal(12, plan.ArenaBytes);
        Assert.True(plan.Winner.Proven);
    }

    [Fact]
    public void Plan_BothGreedies_KeepsSmallerTiesToFirstAndStopsWhenProven()
    {
        for (int seed = 0; seed < 60; seed++)
        {
            var g = TestData.RandomDag(seed, 50);
            var order = Orders.RandomTopological(g, new Random(seed));
            var problem = ArenaPlanner.Problem(g, order);
            var size = GreedyBySizeOffsets.Instance.Assign(problem, null);
            var breadth = GreedyByBreadthOffsets.Instance.Assign(problem, null);
            var plan = ArenaPlanner.Plan(problem, ArenaPlanner.GreedyStrategies);
            Assert.Equal(Math.Min(size.ArenaBytes, breadth.ArenaBytes), plan.ArenaBytes);
            Assert.Equal(breadth.ArenaBytes < size.ArenaBytes ? "greedy-breadth" : "greedy-size", plan.Strategy);
            Assert.Equal(size.Proven ? 1 : 2, plan.Candidates.Length);
        }
    }

    [Fact]
    public void Problem_OverlappingOrUnalignedOffsets_NamesTheBlocks()
    {
        // Two blocks live together (a feeds b; both live at b's step) and one dead before the third starts.
        var g = ComputationGraph.FromSizes([4, 4, 4], [(0, 1), (1, 2)]);
        var problem = ArenaPlanner.Problem(g, [0, 1, 2], null, 4);
        Assert.Null(problem.Problem([0, 4, 0]));
        Assert.Contains("blocks 0 and 1", problem.Problem([0, 0, 4]));
        Assert.Contains("alignment 4", problem.Problem([0, 6, 0]));
        Assert.Contains("2 offsets for 3 blocks", problem.Problem([0, 4]));
    }

    [Fact]
    public void LowerBound_Alignment_CountsRoundingOfAllButTopBlock()
    {
        // Steps: {a} then {a, b}: sizes 5 and 3 at alignment 8 need 8 + 3 = 11 (b on top), not 8 + 5.
        var g = ComputationGraph.FromSizes([5, 3], [(0, 1)]);
        var problem = ArenaPlanner.Problem(g, [0, 1], null, 8);
        Assert.Equal(8, problem.PeakBytes);
        Assert.Equal(11, problem.LowerBound);
        var plan = ArenaPlanner.Plan(problem, ArenaPlanner.GreedyStrategies);
        Assert.Equal(11, plan.ArenaBytes);
        Assert.Equal(8, plan.TensorOffset(1));
    }

    [Fact]
    public void Problem_AlignmentBelowOne_Throws()
    {
        var g = ComputationGraph.FromSizes([1], []);
        Assert.Throws<ArgumentException>(() => ArenaPlanner.Problem(g, [0], null, 0));
    }
}
