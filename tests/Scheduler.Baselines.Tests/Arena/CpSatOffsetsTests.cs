using Scheduler.Baselines.Arena;
using Scheduler.Graphs;
using Scheduler.Graphs.Arena;
using Scheduler.Testing;

namespace Scheduler.Baselines.Tests.Arena;

public partial class CpSatOffsetsTests
{
    // A small budget keeps the tests in seconds; the claims checked hold at any budget.
    private static readonly SchedulerSettings Small = new(Effort: 0.1);

    private static CpSatOffsets Solver(SchedulerSettings? settings = null) => new(ArenaPlanner.GreedyStrategies, settings ?? Small);

    [Fact]
    public void Assign_RandomGraphs_ValidAndNoLargerThanEveryGreedy()
    {
        bool improvedOnce = false;
        for (int seed = 0; seed < 25; seed++)
        {
            var g = seed % 2 == 0 ? TestData.RandomDag(seed, 30) : InPlaceGraphs.Random(seed);
            var order = Orders.RandomTopological(g, new Random(seed));
            var options = seed % 4 < 2 ? MemoryModelOptions.Default : MemoryModelOptions.InPlaceReuse;
            long alignment = seed % 3 == 0 ? 16 : 1;
            var problem = ArenaPlanner.Problem(g, order, options, alignment);
            string where = $"seed {seed}, {options.Name}, alignment {alignment}";
            var cpsat = Solver().Assign(problem, null);
            ArenaChecks.Valid(problem, cpsat, where);
            Assert.Equal("cpsat", cpsat.Strategy);
            foreach (var greedy in ArenaPlanner.GreedyStrategies)
            {
                long greedyArena = greedy.Assign(problem, null).ArenaBytes;
                Assert.True(cpsat.ArenaBytes <= greedyArena, $"{where}: cpsat {cpsat.ArenaBytes} > {greedy.Name} {greedyArena}");
                improvedOnce |= cpsat.ArenaBytes < greedyArena;
            }
            Assert.True(cpsat.ArenaBytes >= problem.LowerBound, where);
        }
        Assert.True(improvedOnce, "CP-SAT never beat a greedy plan: the test graphs are too easy to tell");
    }

    [Fact]
    public void Assign_GoldenGraphs_ValidNoLargerThanGreedy()
    {
        foreach (var c in TestData.GoldenCases)
        {
            var order = Enumerable.Range(0, c.Graph.OpCount).ToArray();
            var problem = ArenaPlanner.Problem(c.Graph, order);
            var greedy = ArenaPlanner.Plan(problem, ArenaPlanner.GreedyStrategies);
            var cpsat = Solver().Assign(problem, greedy.Winner);
            ArenaChecks.Valid(problem, cpsat, c.Name);
            Assert.True(cpsat.ArenaBytes <= greedy.ArenaBytes, c.Name);
        }
    }

    [Fact]
    public void Assign_ChainFromStackedStart_ReachesPeakProven()
    {
        // A deliberately bad start (every block stacked) makes CP-SAT do the work; a chain's arena is its peak.
        var g = ComputationGraph.FromSizes([5, 7, 3, 7, 5, 9], [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5)]);
        var problem = ArenaPlanner.Problem(g, [0, 1, 2, 3, 4, 5]);
        var stacked = new long[problem.Count];
        for (int b = 1; b < stacked.Length; b++)
        {
            stacked[b] = stacked[b - 1] + problem.Size[b - 1];
        }
        var start = OffsetAssignment.Of("stacked", problem, stacked);
        var cpsat = Solver().Assign(problem, start);
        ArenaChecks.Valid(problem, cpsat, "chain");
        Assert.Equal(problem.PeakBytes, cpsat.ArenaBytes);
        Assert.Equal(14, cpsat.ArenaBytes);
        Assert.True(cpsat.Proven);
    }

    [Fact]
    public void Assign_BadStartOnRandomGraph_NeverWorseThanStart()
    {
        var g = TestData.RandomDag(7, 40);
        var problem = ArenaPlanner.Problem(g, Orders.RandomTopological(g, new Random(7)), null, 8);
        var start = GreedyByBreadthOffsets.Instance.Assign(problem, null);
        var cpsat = Solver(new SchedulerSettings(Effort: 0.001)).Assign(problem, start);
        ArenaChecks.Valid(problem, cpsat, "tiny budget");
        Assert.True(cpsat.ArenaBytes <= start.ArenaBytes);
    }

    [Fact]
    public void Assign_SameProblemTwice_SameOffsets()
    {
        var g = TestData.RandomDag(3, 40);
        var problem = ArenaPlanner.Problem(g, Orders.RandomTopological(g, new Random(3)));
        var first = Solver().Assign(problem, null);
        var second = Solver().Assign(problem, null);
        Assert.Equal(first.Offsets.ToArray(), second.Offsets.ToArray());
        Assert.False(first.Capped, first.Message);
    }

    [Fact]
    public void Assign_StartAtBound_ReturnedWithoutSolving()
    {
        var g = ComputationGraph.FromSizes([5, 7, 3], [(0, 1), (1, 2)]);
        var problem = ArenaPlanner.Problem(g, [0, 1, 2]);
        var cpsat = Solver().Assign(problem, null);
        Assert.Equal(12, cpsat.ArenaBytes);
        Assert.True(cpsat.Proven);
        Assert.Contains("at the bound", cpsat.Message);
    }

    [Theory]
    [InlineData(1, 8)]
    [InlineData(4, 8)]
    [InlineData(8, 8)]
    [InlineData(16, 16)]
    [InlineData(3, 3)]
    public void Unit_SizesSharingEight_GcdWhenAlignmentDividesItElseAlignment(long alignment, long unit)
    {
        var g = ComputationGraph.FromSizes([8, 16, 24, 0], [(0, 1), (1, 2), (2, 3)]);
        Assert.Equal(unit, CpSatOffsets.Unit(ArenaPlanner.Problem(g, [0, 1, 2, 3], null, alignment)));
    }

    [Fact]
    public void OverlappingPairs_RandomGraphs_MatchesBruteForce()
    {
        for (int seed = 0; seed < 30; seed++)
        {
            var g = TestData.RandomDag(seed, 40);
            var problem = ArenaPlanner.Problem(g, Orders.RandomTopological(g, new Random(seed)));
            long brute = 0;
            for (int a = 0; a < problem.Count; a++)
            {
                for (int b = a + 1; b < problem.Count; b++)
                {
                    brute += problem.Size[a] > 0 && problem.Size[b] > 0 && problem.OverlapInTime(a, b) ? 1 : 0;
                }
            }
            Assert.True(brute == CpSatOffsets.OverlappingPairs(problem), $"seed {seed}");
        }
    }
}
