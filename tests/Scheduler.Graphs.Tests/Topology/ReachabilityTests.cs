using Scheduler.Graphs;
using Scheduler.Graphs.Topology;

namespace Scheduler.Graphs.Tests.Topology;

public class ReachabilityTests
{
    [Fact]
    public void Compute_Diamond_BranchesAreIncomparable()
    {
        var g = ComputationGraph.FromSizes([1, 1, 1, 1], [(0, 1), (0, 2), (1, 3), (2, 3)]);
        var r = Reachability.Compute(g);
        Assert.True(r.Incomparable(1, 2));
        Assert.False(r.Incomparable(0, 3));
        Assert.Equal(new[] { 1, 2, 3 }, r.Descendants(0).Ones().ToArray());
        Assert.Equal(new[] { 0, 1, 2 }, r.Ancestors(3).Ones().ToArray());
    }

    [Fact]
    public void ReductionEdges_ChainWithShortcut_DropsShortcut()
    {
        var g = ComputationGraph.FromSizes([1, 1, 1], [(0, 1), (1, 2), (0, 2)]);
        Assert.Equal(new[] { (0, 1), (1, 2) }, Reachability.Compute(g).ReductionEdges(g).ToArray());
    }

    [Fact]
    public void KahnOrder_RandomDags_IsValid()
    {
        for (int seed = 0; seed < 50; seed++)
        {
            var g = Scheduler.Testing.TestData.RandomDag(seed, 80);
            Assert.True(MemoryModel.IsValid(g, TopologicalSort.KahnOrder(g), out _), $"seed {seed}");
        }
    }

    [Fact]
    public void FindCycle_SelfContainedCycle_ReturnsItsNodes()
    {
        // 0 -> 1 -> 2 -> 0 and 3 isolated.
        int[] offsets = [0, 1, 2, 3, 3];
        int[] targets = [1, 2, 0];
        Assert.Equal(new[] { 0, 1, 2 }, CycleFinder.FindCycle(4, offsets, targets)!.Order().ToArray());
        Assert.Null(CycleFinder.FindCycle(4, [0, 1, 2, 2, 2], [1, 2]));
    }
}
