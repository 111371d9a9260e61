using Scheduler.Baselines.Heuristics;

namespace Scheduler.Baselines.Tests.Heuristics;

public sealed class PostOrderSchedulerTests
{
    [Fact]
    public void Order_TwoBranches_EmitsEachSinkAfterItsOperands()
    {
        // Sinks 3 then 4 in input order; each is emitted right after the operands it still needs.
        Assert.Equal([0, 1, 3, 2, 4], new PostOrderScheduler().Order(TestGraphs.TwoBranches()));
    }

    [Fact]
    public void Order_Join_VisitsOperandsInInputOrder()
    {
        var g = Graphs.ComputationGraph.FromSizes([1, 1, 5, 5, 1], [(0, 1), (2, 3), (1, 4), (3, 4)], "join");
        Assert.Equal([0, 1, 2, 3, 4], new PostOrderScheduler().Order(g));
    }
}
