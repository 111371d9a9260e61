using Scheduler.Graphs.Formats;
using Scheduler.Graphs.Generators;
using static Scheduler.Graphs.Tests.Generators.RandWireGeneratorTests;

namespace Scheduler.Graphs.Tests.Generators;

public class NasCellGeneratorTests
{
    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 2)]
    public void Generate_EveryCell_ConcatsAllStepsAndNodesSumTwoDistinctStates(bool shared, int seed)
    {
        var o = new NasCellOptions(Cells: 8, Steps: 4, SharedGenotype: shared);
        var g = NasCellGenerator.Generate(o, seed);
        Assert.True(MemoryModel.IsValid(g, Enumerable.Range(0, g.OpCount).ToArray(), out string? message), message);
        for (int k = 0; k < 8; k++)
        {
            int concat = Op(g, $"cell{k}.concat");
            var parts = g.Predecessors(concat).ToArray();
            Assert.Equal(4, parts.Length);
            Assert.All(parts, p => Assert.Equal("Add", g.OpType(p)));
            for (int i = 0; i < 4; i++)
            {
                int add = Op(g, $"cell{k}.node{i}.add");
                Assert.Equal(2, g.Inputs(add).Length);
                Assert.Equal(4 * g.OutputBytes(add), g.OutputBytes(concat));
            }
        }
        Assert.InRange(g.OpCount, 80, 250);
    }

    [Fact]
    public void Generate_Defaults_ReductionsHalveResolutionAndDoubleChannels()
    {
        var g = NasCellGenerator.Generate(new NasCellOptions(), seed: 3);
        Assert.Equal(48L * 32 * 32 * 4, g.OutputBytes(Op(g, "stem")));
        Assert.Equal(64L * 32 * 32 * 4, g.OutputBytes(Op(g, "cell0.concat")));
        Assert.Equal(128L * 16 * 16 * 4, g.OutputBytes(Op(g, "cell2.concat")));
        Assert.Equal(256L * 8 * 8 * 4, g.OutputBytes(Op(g, "cell5.concat")));
        Assert.Equal("FactorizedReduce", g.OpType(Op(g, "cell3.preprocess0")));
        Assert.Equal("ReluConvBn", g.OpType(Op(g, "cell4.preprocess0")));
        // Cell k reads cells k−1 and k−2, so a cell output lives across the next cell.
        Assert.Equal([Op(g, "cell3.preprocess1"), Op(g, "cell4.preprocess0")], g.Successors(Op(g, "cell2.concat")).ToArray());
        Assert.True(g.IsGraphOutput(g.Outputs(Op(g, "classifier"))[0]));
    }

    [Fact]
    public void Generate_SharedGenotype_NormalCellsHaveTheSameOps()
    {
        var g = NasCellGenerator.Generate(new NasCellOptions(), seed: 5);
        Assert.Equal(CellOps(g, 0), CellOps(g, 1));
        Assert.Equal(CellOps(g, 1), CellOps(g, 4));
    }

    [Fact]
    public void Generate_SameSeed_ByteIdentical_DifferentSeed_Differs()
    {
        var o = new NasCellOptions(Cells: 5);
        string a = JsonGraphWriter.Write(NasCellGenerator.Generate(o, 3, "x"));
        Assert.Equal(a, JsonGraphWriter.Write(NasCellGenerator.Generate(o, 3, "x")));
        Assert.NotEqual(a, JsonGraphWriter.Write(NasCellGenerator.Generate(o, 4, "x")));
    }

    [Fact]
    public void Generate_BadOptions_Throw()
    {
        Assert.Throws<ArgumentException>(() => NasCellGenerator.Generate(new NasCellOptions(Cells: 0), 1));
        Assert.Throws<ArgumentException>(() => NasCellGenerator.Generate(new NasCellOptions(ImageSize: 2), 1));
    }

    private static string[] CellOps(ComputationGraph g, int cell)
    {
        string prefix = $"cell{cell}.";
        return Enumerable.Range(0, g.OpCount).Where(v => g.OpName(v).StartsWith(prefix, StringComparison.Ordinal))
            .Select(v => g.OpName(v)[prefix.Length..]).ToArray();
    }
}
