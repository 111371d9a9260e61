using Scheduler.Baselines.Exact;
using Scheduler.Graphs;
using Scheduler.Testing;

namespace Scheduler.Baselines.Tests.Exact;

public sealed class ExactSchedulerTests
{
    private static readonly ExactScheduler Solver = new([]);

    [Theory]
    [MemberData(nameof(TestData.GoldenNames), MemberType = typeof(TestData))]
    public void Solve_Golden_ReachesOptimalPeak(string name)
    {
        var golden = TestData.GoldenCase(name);
        var result = Solver.Solve(golden.Graph);
        Assert.Equal(SolveStatus.Optimal, result.Status);
        Assert.Equal(golden.OptimalPeak, MemoryModel.Evaluate(golden.Graph, result.Order));
        Assert.Equal(golden.OptimalPeak, result.ProvenLowerBound);
    }

    [Fact]
    public void Solve_TinyGraphsWithEveryTensorKind_MatchesEnumeration()
    {
        for (int seed = 0; seed < 300; seed++)
        {
            var graph = TinyGraphs.Random(seed);
            var result = Solver.Solve(graph);
            long expected = NaiveSimulator.OptimalPeak(graph);
            Assert.True(SolveStatus.Optimal == result.Status, $"seed {seed}: {result.Status} {result.Message}");
            Assert.True(expected == MemoryModel.Evaluate(graph, result.Order), $"seed {seed}: expected {expected}");
        }
    }

    [Fact]
    public void Solve_TinyRandomDags_MatchesEnumeration()
    {
        for (int seed = 0; seed < 100; seed++)
        {
            var graph = TestData.RandomDag(seed, maxNodes: 8);
            long expected = NaiveSimulator.OptimalPeak(graph);
            Assert.True(expected == MemoryModel.Evaluate(graph, Solver.Order(graph)), $"seed {seed}: expected {expected}");
        }
    }

    [Fact]
    public void Solve_TinyStateLimit_GivesUpWithMessageAndStartOrder()
    {
        var golden = TestData.GoldenCases.First(c => c.InputOrderPeak > c.OptimalPeak && c.Graph.OpCount >= 15);
        var solver = new ExactScheduler([new InputOrder()], baseStateLimit: 3);
        var result = solver.Solve(golden.Graph);
        Assert.Equal(SolveStatus.GaveUp, result.Status);
        Assert.Contains("state limit", result.Message);
        Assert.Equal(Enumerable.Range(0, golden.Graph.OpCount), result.Order);
        Assert.InRange(result.ProvenLowerBound!.Value, MemoryModel.LowerBound(golden.Graph), golden.OptimalPeak);
    }

    [Fact]
    public void Solve_CappedAnywhere_ProvenBoundNeverAboveOptimum()
    {
        // A capped search reports the least key it had left to explore. A state whose key was raised by the completion
        // bound after it was queued must not count with its raised key (it once reported a bound above the optimum).
        int capped = 0;
        for (int seed = 0; seed < 60; seed++)
        {
            var graph = TestData.RandomDag(seed, maxNodes: 9);
            long optimum = NaiveSimulator.OptimalPeak(graph);
            foreach (int limit in new[] { 1, 2, 4, 8, 16, 32, 64 })
            {
                var result = new ExactScheduler([new InputOrder()], baseStateLimit: limit).Solve(graph);
                if (result.Status == SolveStatus.GaveUp)
                {
                    capped++;
                    Assert.True(result.ProvenLowerBound <= optimum,
                        $"seed {seed}, limit {limit}: bound {result.ProvenLowerBound} above the optimum {optimum}");
                }
            }
        }
        Assert.True(capped > 50, $"only {capped} capped runs");
    }

    [Fact]
    public void Solve_StartHeuristicAlreadyOptimal_ReturnsOptimalNotWorse()
    {
        foreach (var golden in TestData.GoldenCases.Take(10))
        {
            var result = new ExactScheduler([new InputOrder()]).Solve(golden.Graph);
            Assert.Equal(golden.OptimalPeak, MemoryModel.Evaluate(golden.Graph, result.Order));
        }
    }

    [Fact]
    public void Constructor_ZeroStateLimit_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new ExactScheduler([], baseStateLimit: 0));
}
