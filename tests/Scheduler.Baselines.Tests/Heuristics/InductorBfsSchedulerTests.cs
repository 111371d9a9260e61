using Scheduler.Baselines.Heuristics;
using Scheduler.Graphs;

namespace Scheduler.Baselines.Tests.Heuristics;

public sealed class InductorBfsSchedulerTests
{
    [Fact]
    public void Order_LaterReadyOpWithOlderPredecessor_RunsFirst()
    {
        // Op 3 needs op 1 (key [1]) and becomes ready first; op 4 needs ops 0 and 2 (key [0, 2]) and wins on its
        // older predecessor, where FIFO Kahn would run 3 first.
        var g = ComputationGraph.FromSizes([1, 1, 1, 1, 1], [(1, 3), (0, 4), (2, 4)], "older-first");
        Assert.Equal([0, 1, 2, 4, 3], new InductorBfsScheduler().Order(g));
        Assert.Equal([0, 1, 2, 3, 4], new BfsScheduler().Order(g));
    }

    [Fact]
    public void Order_EqualKeys_KeepsInputOrder()
    {
        var g = ComputationGraph.FromSizes([1, 1, 1, 1], [(0, 3), (0, 2), (0, 1)], "fan");
        Assert.Equal([0, 1, 2, 3], new InductorBfsScheduler().Order(g));
    }

    [Fact]
    public void Order_RandomGraphs_MatchesNaiveReadySetScan()
    {
        foreach (var (seed, g) in GreedyEquivalenceCases.Graphs())
        {
            GreedyEquivalenceCases.AssertSame("inductor-bfs", seed, NaiveGreedy.InductorBfs(g), new InductorBfsScheduler().Order(g));
        }
    }
}
