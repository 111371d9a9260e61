using Scheduler.Baselines.Heuristics;
using Scheduler.Graphs;

namespace Scheduler.Baselines.Tests.Heuristics;

public sealed class BfsSchedulerTests
{
    [Fact]
    public void Order_TwoBranches_RunsLayerByLayerWithPeakNine()
    {
        var g = TestGraphs.TwoBranches();
        var order = new BfsScheduler().Order(g);
        Assert.Equal([0, 1, 2, 3, 4], order);
        // Step of op 3: tensors 1 and 2 (4 each) and op 3's own byte, after op 0 has been freed.
        Assert.Equal(9, MemoryModel.Evaluate(g, order));
    }
}
