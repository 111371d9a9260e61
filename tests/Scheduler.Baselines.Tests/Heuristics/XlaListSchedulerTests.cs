using Scheduler.Baselines.Heuristics;
using Scheduler.Graphs;
using Scheduler.Testing;

namespace Scheduler.Baselines.Tests.Heuristics;

public sealed class XlaListSchedulerTests
{
    [Fact]
    public void Order_XlaCounterexample_GreedyPeaksAtSixWhereOptimumIsFive()
    {
        var g = TestGraphs.XlaCounterexample();
        var (order, peak) = XlaListScheduler.Run(g, default);
        // A D E B C F G: B is deferred while it defines more than it frees, so A, D, E and B meet at B's step.
        Assert.Equal([0, 3, 4, 1, 2, 5, 6], order);
        Assert.Equal(6, peak);
        Assert.Equal(6, MemoryModel.Evaluate(g, order));
        Assert.Equal(5, MemoryModel.Evaluate(g, [0, 1, 2, 3, 4, 5, 6]));
        Assert.Equal(5, NaiveSimulator.OptimalPeak(g));
    }

    [Fact]
    public void Order_LastUseRaisesPriority_ReprioritisedOpRunsBeforeEqualLaterOne()
    {
        // After E, B becomes A's last user: its priority rises from -2 to 0 and ties F (0); B has the lower index.
        var order = new XlaListScheduler().Order(TestGraphs.XlaCounterexample());
        var position = TestGraphs.Positions(order);
        Assert.True(position[4] < position[1], "E before B");
        Assert.True(position[1] < position[5], "B before F");
    }

    [Fact]
    public void Order_EqualPriority_MoreUsersFirst()
    {
        // Sources 0 and 1 both define 1 byte and free nothing; 1 has two users, 0 one.
        var g = ComputationGraph.FromSizes([1, 1, 1, 1], [(0, 2), (1, 2), (1, 3)], "users");
        Assert.Equal(1, new XlaListScheduler().Order(g)[0]);
    }

    [Fact]
    public void Order_RandomGraphs_MatchesNaiveReadySetScan()
    {
        foreach (var (seed, g) in GreedyEquivalenceCases.Graphs())
        {
            GreedyEquivalenceCases.AssertSame("xla-list", seed, NaiveGreedy.XlaList(g), new XlaListScheduler().Order(g));
        }
    }
}
