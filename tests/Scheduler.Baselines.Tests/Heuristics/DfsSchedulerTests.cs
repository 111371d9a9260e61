using Scheduler.Baselines.Heuristics;
using Scheduler.Graphs;

namespace Scheduler.Baselines.Tests.Heuristics;

public sealed class DfsSchedulerTests
{
    [Fact]
    public void Order_TwoBranches_FinishesFirstBranchWithPeakSix()
    {
        var g = TestGraphs.TwoBranches();
        var order = new DfsScheduler().Order(g);
        Assert.Equal([0, 1, 3, 2, 4], order);
        Assert.Equal(6, MemoryModel.Evaluate(g, order));
    }

    [Fact]
    public void Order_TwoSources_LowerIndexBranchFirst()
    {
        var g = ComputationGraph.FromSizes([1, 1, 1, 1], [(0, 2), (1, 3)], "two-sources");
        Assert.Equal([0, 2, 1, 3], new DfsScheduler().Order(g));
    }

    [Fact]
    public void Order_LongChain_DoesNotOverflowTheStack()
    {
        const int n = 200_000;
        var sizes = new long[n];
        var edges = new (int, int)[n - 1];
        for (int i = 0; i < n; i++)
        {
            sizes[i] = 1;
            if (i > 0)
            {
                edges[i - 1] = (i - 1, i);
            }
        }
        var g = ComputationGraph.FromSizes(sizes, edges, "long-chain");
        var order = new DfsScheduler().Order(g);
        Assert.Equal(n - 1, order[^1]);
        Assert.Equal(2, MemoryModel.Evaluate(g, order));
    }
}
