using Scheduler.Graphs;

namespace Scheduler.Graphs.Tests;

public partial class MemoryModelTests
{
    [Fact]
    public void Evaluate_Chain_PeakIsLargestAdjacentPair()
    {
        var g = ComputationGraph.FromSizes([5, 7, 3], [(0, 1), (1, 2)]);
        Assert.Equal(12, MemoryModel.Evaluate(g, [0, 1, 2]));
        Assert.Equal(12, MemoryModel.WorkingSetBound(g));
    }

    [Fact]
    public void Evaluate_Diamond_OrderOfBranchesMatters()
    {
        // a -> b, a -> c, b -> d, c -> d with a big b: running b last keeps only c alive beside it.
        var g = ComputationGraph.FromSizes([10, 100, 1, 5], [(0, 1), (0, 2), (1, 3), (2, 3)]);
        Assert.Equal(111, MemoryModel.Evaluate(g, [0, 1, 2, 3]));
        Assert.Equal(111, MemoryModel.Evaluate(g, [0, 2, 1, 3]));
        Assert.Equal(111, MemoryModel.Profile(g, [0, 2, 1, 3])[2]);
    }

    [Fact]
    public void Evaluate_GraphOutputAndResidentInput_FollowDesignRules()
    {
        var b = new GraphBuilder("rules");
        int w = b.AddGraphInput(1000, "weight");
        int x = b.AddGraphInput(40, "x", freeable: true);
        int a = b.AddOp(1, "a");
        int ta = b.AddOutput(a, 10, "ta", graphOutput: true);
        int tb = b.AddOutput(a, 20, "unused");
        b.AddUse(w, a);
        b.AddUse(x, a);
        int c = b.AddOp(2, "c");
        b.AddOutput(c, 5);
        b.AddUse(ta, c);
        var g = b.Build();
        Assert.Equal(1000, g.ResidentBytes);
        Assert.True(g.IsFreeableInput(x));
        Assert.Equal(tb, g.Outputs(a)[1]);
        // step a: x (40) + outputs 30 = 70; then x and the unused output are freed, ta (graph output) stays.
        Assert.Equal(new long[] { 70, 15 }, MemoryModel.Profile(g, [0, 1]));
        Assert.Equal(70, MemoryModel.WorkingSetBound(g));
    }

    [Fact]
    public void Validate_BackwardEdge_NamesEdgeAndPositions()
    {
        var g = ComputationGraph.FromSizes([1, 1, 1], [(0, 1), (1, 2)]);
        var ex = Assert.Throws<InvalidScheduleException>(() => MemoryModel.Validate(g, [1, 0, 2]));
        Assert.Equal((0, 1, 1, 0), (ex.FromOp, ex.ToOp, ex.FromPosition, ex.ToPosition));
        Assert.Contains("0->1", ex.Message);
    }

    [Theory]
    [InlineData(new[] { 0, 1 }, "has 2 ops")]
    [InlineData(new[] { 0, 0, 1 }, "appears twice")]
    [InlineData(new[] { 0, 1, 5 }, "holds op 5")]
    public void Validate_NotAPermutation_SaysWhy(int[] order, string expected)
    {
        var g = ComputationGraph.FromSizes([1, 1, 1], []);
        Assert.Contains(expected, Assert.Throws<InvalidScheduleException>(() => MemoryModel.Validate(g, order)).Message);
        Assert.False(MemoryModel.IsValid(g, order, out string? message));
        Assert.Contains(expected, message);
    }
}
