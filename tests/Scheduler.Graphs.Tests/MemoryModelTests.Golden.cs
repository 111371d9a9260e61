using Scheduler.Graphs;
using Scheduler.Graphs.Topology;
using Scheduler.Testing;

namespace Scheduler.Graphs.Tests;

public partial class MemoryModelTests
{
    [Theory]
    [MemberData(nameof(TestData.GoldenNames), MemberType = typeof(TestData))]
    public void Evaluate_GoldenInputOrder_MatchesExpected(string name)
    {
        var c = TestData.GoldenCase(name);
        var order = Enumerable.Range(0, c.Graph.OpCount).ToArray();
        Assert.Equal(c.InputOrderPeak, MemoryModel.Evaluate(c.Graph, order));
    }

    [Theory]
    [MemberData(nameof(TestData.GoldenNames), MemberType = typeof(TestData))]
    public void WorkingSetBound_Golden_MatchesExpected(string name)
    {
        var c = TestData.GoldenCase(name);
        Assert.Equal(c.LowerBound, MemoryModel.WorkingSetBound(c.Graph));
    }

    [Theory]
    [MemberData(nameof(TestData.GoldenNames), MemberType = typeof(TestData))]
    public void Evaluate_GoldenBfsAndOptimalOrders_MatchExpected(string name)
    {
        var c = TestData.GoldenCase(name);
        Assert.Equal(c.BfsPeak, MemoryModel.Evaluate(c.Graph, TopologicalSort.KahnOrder(c.Graph)));
        var optimal = c.OptimalOrderIds.Select(id => c.Graph.TryGetOp(id, out int op) ? op : -1).ToArray();
        Assert.Equal(c.OptimalPeak, MemoryModel.Evaluate(c.Graph, optimal));
    }

    [Theory]
    [MemberData(nameof(TestData.GoldenNames), MemberType = typeof(TestData))]
    public void CutBound_Golden_BetweenWorkingSetAndOptimum(string name)
    {
        var c = TestData.GoldenCase(name);
        long cut = MemoryModel.CutBound(c.Graph);
        Assert.InRange(cut, c.LowerBound, c.OptimalPeak);
    }
}
