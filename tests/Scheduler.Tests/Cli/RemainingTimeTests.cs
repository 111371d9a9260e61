using Scheduler.Cli;
using Scheduler.Graphs;
using Scheduler.Pass.Compare;
using static Scheduler.Tests.Reports.ReportRows;

namespace Scheduler.Tests.Cli;

public class RemainingTimeTests
{
    private static NamedGraph Graph(string dataset, string name, int ops)
    {
        var b = new GraphBuilder();
        for (int i = 0; i < ops; i++)
        {
            b.AddOp(i, $"op{i}");
        }
        return new NamedGraph(dataset, name, b.Build());
    }

    [Fact]
    public void Estimate_SameDatasetCostsTheSame_NewDatasetScalesByOps()
    {
        var graphs = new[] { Graph("a", "a1", 10), Graph("a", "a2", 10), Graph("b", "b1", 30) };
        var eta = new RemainingTime(graphs);
        eta.Observe(Row("a", "a1", "input", 1, ops: 10), 1, 6, 2);
        Assert.Null(eta.Estimate());
        eta.Observe(Row("a", "a1", "local", 1, ops: 10), 2, 6, 100);
        // a2 costs what a1 cost (102 ms); b1 has three times the ops (306 ms).
        Assert.Equal(408, eta.Estimate()!.Value.TotalMilliseconds, 6);
        eta.Observe(Row("a", "a2", "input", 1, ops: 10), 3, 6, 4);
        Assert.Equal(100 + 3 * 4 + 3 * 100, eta.Estimate()!.Value.TotalMilliseconds, 6);
        Assert.Equal("less than a second left", eta.Describe());
        eta.Observe(Row("a", "a2", "local", 1, ops: 10), 4, 6, 60_000);
        Assert.Equal("about 3 min 0 s left", eta.Describe());
    }

    [Fact]
    public void Estimate_NewDataset_ScalesByThePowerMeasuredBetweenTheLastTwo()
    {
        // local took 100 ms on 10 ops and 200 ms on 40 ops: time grows as ops^0.5, so 160 ops should take 400 ms.
        var graphs = new[] { Graph("a", "a1", 10), Graph("b", "b1", 40), Graph("c", "c1", 160) };
        var eta = new RemainingTime(graphs);
        eta.Observe(Row("a", "a1", "local", 1, ops: 10), 1, 3, 100);
        eta.Observe(Row("b", "b1", "local", 1, ops: 40), 2, 3, 200);
        Assert.Equal(400, eta.Estimate()!.Value.TotalMilliseconds, 6);
    }
}
