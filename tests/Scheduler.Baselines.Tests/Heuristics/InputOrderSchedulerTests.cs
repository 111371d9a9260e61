using Scheduler.Baselines.Heuristics;
using Scheduler.Graphs;

namespace Scheduler.Baselines.Tests.Heuristics;

public sealed class InputOrderSchedulerTests
{
    [Fact]
    public void Order_TopologicalFileOrder_ReturnsItUnchanged()
    {
        Assert.Equal([0, 1, 2, 3, 4], new InputOrderScheduler().Order(TestGraphs.TwoBranches()));
    }

    [Fact]
    public void Order_FileOrderViolatesAnEdge_ReturnsSmallestTopologicalOrder()
    {
        // File order: a (id 10), b (id 11), c (id 12) with c -> a; b is free, so b, c, a is the smallest valid order.
        var builder = new GraphBuilder("backwards");
        int a = builder.AddOp(10), b = builder.AddOp(11), c = builder.AddOp(12);
        builder.AddOutput(a, 1);
        builder.AddOutput(b, 1);
        builder.AddUse(builder.AddOutput(c, 1), a);
        var g = builder.Build();
        Assert.Equal([b, c, a], new InputOrderScheduler().Order(g));
    }
}
