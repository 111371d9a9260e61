using Scheduler.Baselines.Heuristics;
using Scheduler.Graphs;

namespace Scheduler.Baselines.Tests.Heuristics;

public sealed class LpmfSchedulerTests
{
    [Fact]
    public void Order_NothingFits_RunsSmallestAllocationFirst()
    {
        // Sources 0 (10, dies at once), 1 (3) and 2 (2) feed nothing but op 3. With no peak yet nothing fits, so
        // allocation decides: 2, 1, then 3 (1 byte) before 0 (10 bytes).
        var g = ComputationGraph.FromSizes([10, 3, 2, 1], [(1, 3), (2, 3)], "smallest-first");
        var order = new LpmfScheduler().Order(g);
        Assert.Equal([2, 1, 3, 0], order);
        Assert.Equal(10, MemoryModel.Evaluate(g, order));
    }

    [Fact]
    public void Order_BothFitUnderPeak_BestNetWinsOverIndexAndAllocation()
    {
        // 5 (4 bytes, z) runs first (smallest), then 0 (10) and 1 set the peak at 15 and leave 5 bytes live.
        // Ready: 2 (allocates 2, frees nothing: net +2) and 3 (allocates 3, frees z: net -1). Both fit under 15,
        // so 3 goes first although 2 has the lower index and the smaller allocation.
        var g = ComputationGraph.FromSizes([10, 1, 2, 3, 1, 4],
            [(0, 1), (1, 2), (1, 3), (2, 4), (3, 4), (5, 3)], "best-net");
        var (order, peak) = LpmfScheduler.Run(g, default);
        Assert.Equal([5, 0, 1, 3, 2, 4], order);
        Assert.Equal(15, peak);
        Assert.Equal(15, MemoryModel.Evaluate(g, order));
    }

    [Fact]
    public void Order_Diamond_SmallerBranchFirst()
    {
        var g = TestGraphs.Diamond();
        var order = new LpmfScheduler().Order(g);
        Assert.Equal([0, 1, 2, 3], order);
        // Step of op 2: op 0 (1), op 1 (2) and op 2 (3).
        Assert.Equal(6, MemoryModel.Evaluate(g, order));
    }

    [Fact]
    public void Order_RandomGraphs_MatchesNaiveReadySetScan()
    {
        foreach (var (seed, g) in GreedyEquivalenceCases.Graphs())
        {
            GreedyEquivalenceCases.AssertSame("lpmf", seed, NaiveGreedy.Lpmf(g), new LpmfScheduler().Order(g));
        }
    }
}
