using Scheduler.Graphs;
using Scheduler.Graphs.Formats.Onnx;
using Scheduler.Pass;
using Scheduler.Testing;

namespace Scheduler.Tests.Cli;

[Collection("cli")]
public class ReorderOnnxTests
{
    [Theory]
    [InlineData("tiny_inception.onnx")]
    [InlineData("tiny_transformer.onnx")]
    [InlineData("split.onnx")]
    public void ReorderOnnx_CommittedModel_SameNodesTopologicalAndNoWorse(string file)
    {
        string src = Path.Combine(TestData.RepoRoot, "datasets", "onnx", file);
        string dst = Path.Combine(Directory.CreateTempSubdirectory("onnx").FullName, "out.onnx");
        var options = PassOptions.Default with { Methods = ["bfs", "dfs", "lpmf", "xla-list"], TimeBudget = TimeSpan.FromSeconds(5) };
        var result = MemorySchedulingPass.CreateDefault().ReorderOnnx(src, dst, options);
        var before = OnnxGraphReader.Read(src);
        var after = OnnxGraphReader.Read(dst);
        Assert.Equal(
            before.Proto.Graph.Node.Select(n => n.ToString()).Order(StringComparer.Ordinal),
            after.Proto.Graph.Node.Select(n => n.ToString()).Order(StringComparer.Ordinal));
        var identity = Enumerable.Range(0, after.Graph.OpCount).ToArray();
        Assert.True(MemoryModel.IsValid(after.Graph, identity, out string? why), why);
        Assert.Equal(result.Best.PeakBytes, MemoryModel.Evaluate(after.Graph, identity));
        Assert.True(result.Best.PeakBytes <= result.InputPeakBytes);
        Assert.Equal(before.Proto.Graph.Initializer, after.Proto.Graph.Initializer);
    }

    [Fact]
    public void ScheduleCli_OnnxWithSymbolicDim_NeedsDimThenWritesModel()
    {
        string src = Path.Combine(TestData.RepoRoot, "datasets", "onnx", "batch_mlp.onnx");
        string dst = Path.Combine(Directory.CreateTempSubdirectory("onnx").FullName, "out.onnx");
        var (code, _, stderr) = CliRunner.Run("schedule", src, "--out", dst);
        Assert.Equal(2, code);
        Assert.Contains("batch", stderr);
        Assert.False(File.Exists(dst));
        (code, _, stderr) = CliRunner.Run("schedule", src, "--out", dst, "--dim", "batch=4", "--method", "lpmf");
        Assert.True(code == 0, stderr);
        Assert.Equal(OnnxGraphReader.Read(src, OnnxReadOptions.Default.WithDims(["batch=4"])).Graph.OpCount,
            OnnxGraphReader.Read(dst, OnnxReadOptions.Default.WithDims(["batch=4"])).Graph.OpCount);
    }
}
