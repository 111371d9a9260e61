using Scheduler.Baselines.Exact;
using Scheduler.Graphs;
using Scheduler.Testing;

namespace Scheduler.Baselines.Tests.Exact;

public sealed class CpSatSchedulerTests
{
    private static readonly SchedulerSettings Generous = new(TimeLimit: TimeSpan.FromSeconds(10));

    [Fact]
    public void Solve_AllGolden_ReachesOptimalPeakAndProvesIt()
    {
        // One Fact over all 40 graphs (5-20 ops) keeps the class to one solver warm-up; each solve is well under 10 s.
        var solver = new CpSatScheduler([new InputOrder()], Generous);
        foreach (var golden in TestData.GoldenCases)
        {
            var result = solver.Solve(golden.Graph);
            Assert.True(golden.OptimalPeak == MemoryModel.Evaluate(golden.Graph, result.Order), $"{golden.Name}: {result.Message}");
            Assert.True(SolveStatus.Optimal == result.Status, $"{golden.Name}: {result.Message}");
            Assert.Equal(golden.OptimalPeak, result.ProvenLowerBound);
        }
    }

    [Fact]
    public void Solve_TinyGraphsWithEveryTensorKind_MatchesEnumeration()
    {
        var solver = new CpSatScheduler([new InputOrder()], Generous);
        for (int seed = 0; seed < 60; seed++)
        {
            var graph = TinyGraphs.Random(seed);
            var result = solver.Solve(graph);
            long expected = NaiveSimulator.OptimalPeak(graph);
            Assert.True(expected == MemoryModel.Evaluate(graph, result.Order), $"seed {seed}: {result.Message}");
            Assert.True(SolveStatus.Optimal == result.Status, $"seed {seed}: {result.Message}");
        }
    }

    [Fact]
    public void Solve_ShortLimitOnLargerGraph_ValidNotWorseThanStartWithSoundBound()
    {
        var graph = TestData.RandomDag(11, maxNodes: 200);
        var result = new CpSatScheduler([new InputOrder()], new SchedulerSettings(TimeLimit: TimeSpan.FromSeconds(1))).Solve(graph);
        long peak = MemoryModel.Evaluate(graph, result.Order);
        Assert.True(peak <= MemoryModel.Evaluate(graph, new InputOrder().Order(graph)), result.Message);
        Assert.InRange(result.ProvenLowerBound!.Value, MemoryModel.LowerBound(graph), peak);
    }
}
