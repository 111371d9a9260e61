using Scheduler.Baselines.Heuristics;
using Scheduler.Graphs;

namespace Scheduler.Baselines.Tests.Heuristics;

public sealed class InductorDfsSchedulerTests
{
    [Fact]
    public void Order_Join_VisitsSmallSubtreeFirst()
    {
        // Touched bytes (own + inputs): op0 5, op1 10, op2 1, op3 2, op4 7. Ascending: 2, 3, 0, 4 (pulls in 1).
        var g = ComputationGraph.FromSizes([5, 5, 1, 1, 1], [(0, 1), (2, 3), (1, 4), (3, 4)], "join");
        Assert.Equal([2, 3, 0, 1, 4], new InductorDfsScheduler().Order(g));
    }
}
