using Scheduler.Graphs.Formats;
using Scheduler.Graphs.Generators;
using Scheduler.Graphs.Topology;

namespace Scheduler.Graphs.Tests.Generators;

public class LayeredGraphGeneratorTests
{
    [Theory]
    [InlineData(20)]
    [InlineData(500)]
    [InlineData(2000)]
    public void Generate_Nodes_ExactCountAndConnectedLayers(int nodes)
    {
        var g = LayeredGraphGenerator.Generate(new LayeredGraphOptions(nodes), seed: 3);
        Assert.Equal(nodes, g.OpCount);
        Assert.True(g.IsSingleOutput);
        var depth = TopologicalSort.DepthFromSources(g);
        Assert.True(depth.Max() >= 2 || nodes < 10);
        Assert.All(Enumerable.Range(0, nodes), v => Assert.True(g.OutputBytes(v) > 0));
    }

    [Fact]
    public void Generate_SameSeed_ByteIdenticalFiles_DifferentSeed_Differs()
    {
        var o = new LayeredGraphOptions(300);
        string a = JsonGraphWriter.Write(LayeredGraphGenerator.Generate(o, 7, "x"));
        Assert.Equal(a, JsonGraphWriter.Write(LayeredGraphGenerator.Generate(o, 7, "x")));
        Assert.NotEqual(a, JsonGraphWriter.Write(LayeredGraphGenerator.Generate(o, 8, "x")));
    }

    [Fact]
    public void ErdosRenyi_EdgesGoForward_AndCountIsPlausible()
    {
        var g = ErdosRenyiGenerator.Generate(200, 0.05, seed: 1);
        double expected = 0.05 * 200 * 199 / 2;
        Assert.InRange(g.EdgeCount, expected * 0.8, expected * 1.2);
        Assert.True(MemoryModel.IsValid(g, Enumerable.Range(0, 200).ToArray(), out _));
    }
}
