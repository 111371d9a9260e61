using Scheduler.Graphs.Formats;
using Scheduler.Graphs.Generators;

namespace Scheduler.Graphs.Tests.Generators;

public class ShapeGeneratorTests
{
    [Fact]
    public void Generate_Chain_EachOpFeedsTheNext()
    {
        var g = ShapeGenerator.Generate(GraphShape.Chain, 50, seed: 1);
        Assert.Equal((50, 49), (g.OpCount, g.EdgeCount));
        Assert.All(Enumerable.Range(0, 49), v => Assert.Equal(new[] { v + 1 }, g.Successors(v).ToArray()));
        Assert.True(g.IsSingleOutput);
    }

    [Fact]
    public void Generate_Star_OneSourceFeedsEveryOtherOp()
    {
        var g = ShapeGenerator.Generate(GraphShape.Star, 50, seed: 1);
        Assert.Equal(Enumerable.Range(1, 49).ToArray(), g.Successors(0).ToArray());
        Assert.Equal(49, g.Consumers(g.Outputs(0)[0]).Length);
        Assert.All(Enumerable.Range(1, 49), v => Assert.Equal(new[] { 0 }, g.Predecessors(v).ToArray()));
    }

    [Fact]
    public void Generate_FanIn_EveryOtherOpFeedsTheLast()
    {
        var g = ShapeGenerator.Generate(GraphShape.FanIn, 50, seed: 1);
        Assert.Equal(Enumerable.Range(0, 49).ToArray(), g.Predecessors(49).ToArray());
        Assert.Equal(49, g.Inputs(49).Length);
    }

    [Theory]
    [InlineData(GraphShape.Chain)]
    [InlineData(GraphShape.Star)]
    [InlineData(GraphShape.FanIn)]
    public void Generate_SameSeed_SameBytes_OneOp_NoEdges(GraphShape shape)
    {
        Assert.Equal(JsonGraphWriter.Write(ShapeGenerator.Generate(shape, 30, 4, "s")), JsonGraphWriter.Write(ShapeGenerator.Generate(shape, 30, 4, "s")));
        Assert.NotEqual(JsonGraphWriter.Write(ShapeGenerator.Generate(shape, 30, 4, "s")), JsonGraphWriter.Write(ShapeGenerator.Generate(shape, 30, 5, "s")));
        Assert.Equal(0, ShapeGenerator.Generate(shape, 1, 4).EdgeCount);
    }
}
