using Scheduler.Graphs.Formats;
using Scheduler.Graphs.Generators;

namespace Scheduler.Graphs.Tests.Generators;

public class RandWireGeneratorTests
{
    [Theory]
    [InlineData(RandomGraphKind.WattsStrogatz)]
    [InlineData(RandomGraphKind.ErdosRenyi)]
    [InlineData(RandomGraphKind.BarabasiAlbert)]
    public void Generate_EachGraphKind_NodesHaveConvOpsAndAggregateOnlyWithSeveralInputs(RandomGraphKind kind)
    {
        var o = new RandWireOptions(Graph: kind, P: kind == RandomGraphKind.ErdosRenyi ? 0.2 : 0.75);
        var g = RandWireGenerator.Generate(o, seed: 4);
        Assert.True(MemoryModel.IsValid(g, Enumerable.Range(0, g.OpCount).ToArray(), out string? message), message);
        int nodes = 0, aggregates = 0;
        for (int v = 0; v < g.OpCount; v++)
        {
            string name = g.OpName(v);
            if (name.EndsWith(".relu", StringComparison.Ordinal) && name.StartsWith("stage", StringComparison.Ordinal))
            {
                nodes++;
                Assert.Equal("SeparableConv", g.OpType(g.Successors(v)[0]));
            }
            if (g.OpType(v) == "WeightedSum")
            {
                aggregates++;
                Assert.True(g.Predecessors(v).Length >= 2, $"{name} aggregates {g.Predecessors(v).Length} input");
            }
        }
        Assert.Equal(3 * 32, nodes);
        Assert.True(aggregates > 20, $"only {aggregates} aggregating nodes");
        Assert.InRange(g.OpCount, 300, 500);
    }

    [Fact]
    public void Generate_Defaults_ActivationShapesOfTheSmallRegime()
    {
        var g = RandWireGenerator.Generate(new RandWireOptions(), seed: 1);
        Assert.Equal(78L * 28 * 28 * 4, g.OutputBytes(Op(g, "stage1.node5.bn")));
        Assert.Equal(156L * 14 * 14 * 4, g.OutputBytes(Op(g, "stage2.node5.sep_conv")));
        Assert.Equal(312L * 7 * 7 * 4, g.OutputBytes(Op(g, "stage3.output")));
        Assert.Equal(1000L * 4, g.OutputBytes(g.OpCount - 1));
        Assert.True(g.IsGraphOutput(g.Outputs(g.OpCount - 1)[0]));
        // Node 0 has no input edge in a graph oriented by index, so it reads the previous stage (stride 2).
        Assert.Equal([Op(g, "stem.bn2")], g.Predecessors(Op(g, "stage1.node0.relu")).ToArray());
    }

    [Theory]
    [InlineData(RandomGraphKind.WattsStrogatz, 32 * 2)]
    [InlineData(RandomGraphKind.BarabasiAlbert, (32 - 5) * 5)]
    public void RandomGraphs_EdgeCounts_MatchTheModel(RandomGraphKind kind, int edges)
    {
        // WS keeps the lattice's N·K/2 edges through rewiring; BA adds M edges per node after the first M.
        var o = new RandWireOptions(Graph: kind);
        for (int seed = 0; seed < 5; seed++)
        {
            var list = RandomGraphs.Generate(o, 32, new Random(seed));
            Assert.Equal(edges, list.Count);
            Assert.All(list, e => Assert.True(e.Item1 < e.Item2, $"seed {seed}: edge {e} not oriented low to high"));
            Assert.Equal(list.Count, list.Distinct().Count());
        }
    }

    [Fact]
    public void Generate_SameSeed_ByteIdentical_DifferentSeed_Differs()
    {
        var o = new RandWireOptions(NodesPerStage: 16);
        string a = JsonGraphWriter.Write(RandWireGenerator.Generate(o, 3, "x"));
        Assert.Equal(a, JsonGraphWriter.Write(RandWireGenerator.Generate(o, 3, "x")));
        Assert.NotEqual(a, JsonGraphWriter.Write(RandWireGenerator.Generate(o, 4, "x")));
    }

    [Fact]
    public void Generate_BadOptions_Throw()
    {
        Assert.Throws<ArgumentException>(() => RandWireGenerator.Generate(new RandWireOptions(K: 3), 1));
        Assert.Throws<ArgumentException>(() => RandWireGenerator.Generate(new RandWireOptions(NodesPerStage: 4, K: 4), 1));
        Assert.Throws<ArgumentException>(() => RandWireGenerator.Generate(new RandWireOptions(ImageSize: 16), 1));
        Assert.Throws<ArgumentException>(() => RandWireGenerator.Generate(new RandWireOptions(Graph: RandomGraphKind.BarabasiAlbert, M: 40), 1));
    }

    internal static int Op(ComputationGraph g, string name)
    {
        for (int v = 0; v < g.OpCount; v++)
        {
            if (g.OpName(v) == name)
            {
                return v;
            }
        }
        Assert.Fail($"{g.Name} has no op named '{name}'.");
        return -1;
    }
}
