using Scheduler.Graphs.Formats;
using Scheduler.Graphs.Generators;
using Scheduler.Graphs.Topology;

namespace Scheduler.Graphs.Tests.Generators;

public class SeriesParallelGeneratorTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 2)]
    [InlineData(250, 3)]
    [InlineData(600, 4)]
    public void Generate_Nodes_ExactCountOneSinkValidInputOrder(int nodes, int seed)
    {
        var g = SeriesParallelGenerator.Generate(new SeriesParallelOptions(nodes), seed);
        Assert.Equal(nodes, g.OpCount);
        Assert.True(g.IsSingleOutput);
        // Every block has one sink and every inner sink feeds a later op, so the whole graph has exactly one sink.
        Assert.Single(Enumerable.Range(0, nodes), v => g.Successors(v).IsEmpty);
        Assert.True(MemoryModel.IsValid(g, Enumerable.Range(0, nodes).ToArray(), out string? message), message);
        Assert.All(Enumerable.Range(0, nodes), v => Assert.True(g.OutputBytes(v) > 0));
    }

    [Fact]
    public void Generate_NoParallel_IsAChain()
    {
        var g = SeriesParallelGenerator.Generate(new SeriesParallelOptions(50, ParallelProbability: 0), 5);
        Assert.Equal(49, g.EdgeCount);
        for (int v = 1; v < g.OpCount; v++)
        {
            Assert.Equal([v - 1], g.Predecessors(v).ToArray());
        }
    }

    [Fact]
    public void Generate_AlwaysParallel_JoinsHaveTwoToMaxBranchesInputs()
    {
        var g = SeriesParallelGenerator.Generate(new SeriesParallelOptions(300, ParallelProbability: 1, MaxBranches: 3), 9);
        int joins = 0;
        for (int v = 0; v < g.OpCount; v++)
        {
            if (g.OpType(v) == "Join")
            {
                joins++;
                Assert.InRange(g.Predecessors(v).Length, 2, 3);
            }
            else
            {
                Assert.InRange(g.Predecessors(v).Length, 0, 1);
            }
        }
        Assert.True(joins > 50, $"only {joins} joins");
        Assert.True(TopologicalSort.DepthFromSources(g).Max() < 300, "a parallel-only graph is not a chain");
    }

    [Fact]
    public void Generate_SameSeed_ByteIdentical_DifferentSeed_Differs()
    {
        var o = new SeriesParallelOptions(200);
        string a = JsonGraphWriter.Write(SeriesParallelGenerator.Generate(o, 7, "x"));
        Assert.Equal(a, JsonGraphWriter.Write(SeriesParallelGenerator.Generate(o, 7, "x")));
        Assert.NotEqual(a, JsonGraphWriter.Write(SeriesParallelGenerator.Generate(o, 8, "x")));
    }

    [Fact]
    public void Generate_BadOptions_ThrowNamingTheValue()
    {
        var ex = Assert.Throws<ArgumentException>(() => SeriesParallelGenerator.Generate(new SeriesParallelOptions(0), 1));
        Assert.Contains("0", ex.Message);
        Assert.Throws<ArgumentException>(() => SeriesParallelGenerator.Generate(new SeriesParallelOptions(10, MaxBranches: 1), 1));
        Assert.Throws<ArgumentException>(() => SeriesParallelGenerator.Generate(new SeriesParallelOptions(10, 1.5), 1));
    }
}
