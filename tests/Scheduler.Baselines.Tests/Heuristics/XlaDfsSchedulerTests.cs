using Scheduler.Baselines.Heuristics;
using Scheduler.Graphs;

namespace Scheduler.Baselines.Tests.Heuristics;

public sealed class XlaDfsSchedulerTests
{
    [Fact]
    public void Order_Join_VisitsOperandWithLargerTotalSizeFirst()
    {
        // Nobody fans out, so extra users tie at 0; op 3's ancestry holds 10 bytes against op 1's 2.
        var g = ComputationGraph.FromSizes([1, 1, 5, 5, 1], [(0, 1), (2, 3), (1, 4), (3, 4)], "join");
        Assert.Equal([2, 3, 0, 1, 4], new XlaDfsScheduler().Order(g));
    }

    [Fact]
    public void Order_FanOutAncestry_VisitsOperandWithMoreExtraUsersFirst()
    {
        // Op 2 has two users (extra 1), op 3 inherits 1, op 4 inherits 1 + 1 = 2; op 1's chain has none.
        // Operands of 4 tie on extra users (1 each); op 3 wins on total size (2 bytes against 1).
        var g = ComputationGraph.FromSizes([1, 1, 1, 1, 1, 1],
            [(0, 1), (2, 3), (2, 4), (3, 4), (1, 5), (4, 5)], "fan-out");
        Assert.Equal([2, 3, 4, 0, 1, 5], new XlaDfsScheduler().Order(g));
    }
}
