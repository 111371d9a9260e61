using Scheduler.Baselines.Search;
using Scheduler.Graphs;
using Scheduler.Testing;

namespace Scheduler.Baselines.Tests.Search;

public sealed class BeamSchedulerTests
{
    [Fact]
    public void Order_RandomDags_IsValidDeterministicAndNotWorseThanStart()
    {
        var beam = new BeamScheduler([new InputOrder()], new SchedulerSettings(BeamWidth: 8));
        for (int seed = 0; seed < 60; seed++)
        {
            var graph = TestData.RandomDag(seed, maxNodes: 120);
            int[] order = beam.Order(graph);
            Assert.True(MemoryModel.IsValid(graph, order, out string? why), $"seed {seed}: {why}");
            long peak = MemoryModel.Evaluate(graph, order);
            Assert.True(peak <= MemoryModel.Evaluate(graph, new InputOrder().Order(graph)), $"seed {seed}");
            Assert.InRange(peak, MemoryModel.LowerBound(graph), long.MaxValue);
            Assert.Equal(order, beam.Order(graph));
        }
    }

    [Theory]
    [MemberData(nameof(TestData.GoldenNames), MemberType = typeof(TestData))]
    public void Order_Golden_ValidAndAtLeastOptimal(string name)
    {
        var golden = TestData.GoldenCase(name);
        long peak = MemoryModel.Evaluate(golden.Graph, new BeamScheduler([]).Order(golden.Graph));
        Assert.InRange(peak, golden.OptimalPeak, Math.Max(golden.BfsPeak, golden.InputOrderPeak));
    }

    [Fact]
    public void Order_WideBeamOnGolden_FindsOptimumOnMostGraphs()
    {
        // A width-256 beam with exact duplicate merging is close to the exact DP on graphs of at most 20 ops.
        var beam = new BeamScheduler([], new SchedulerSettings(BeamWidth: 256));
        int hits = TestData.GoldenCases.Count(c => MemoryModel.Evaluate(c.Graph, beam.Order(c.Graph)) == c.OptimalPeak);
        Assert.True(hits >= 36, $"beam-256 hit the optimum on {hits} of 40 golden graphs");
    }

    [Fact]
    public void Order_TinyGraphsWithEveryTensorKind_Valid()
    {
        var beam = new BeamScheduler([], new SchedulerSettings(BeamWidth: 4));
        for (int seed = 0; seed < 200; seed++)
        {
            var graph = TinyGraphs.Random(seed);
            long peak = MemoryModel.Evaluate(graph, beam.Order(graph));
            Assert.True(peak >= NaiveSimulator.OptimalPeak(graph), $"seed {seed}");
        }
    }

    [Fact]
    public void Constructor_ZeroWidth_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new BeamScheduler([], new SchedulerSettings(BeamWidth: 0)));
}
