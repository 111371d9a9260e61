using System.Text.Json;
using Scheduler.Graphs;
using Scheduler.Graphs.Formats;
using Scheduler.Testing;

namespace Scheduler.Tests.Cli;

public partial class ScheduleCommandTests
{
    private static string ResNet => Path.Combine(TestData.RepoRoot, "datasets", "real", "resnet50.json");

    private static int[] OrderOf(ComputationGraph g, JsonElement root)
        => root.GetProperty("order").EnumerateArray().Select(e => g.TryGetOp(e.GetInt64(), out int op) ? op : -1).ToArray();

    [Fact]
    public void Schedule_InPlaceInput_PeakIsInPlaceModelAndLabelled()
    {
        var g = JsonGraphReader.ReadFile(ResNet);
        var (code, stdout, stderr) = CliRunner.Run("schedule", ResNet, "--method", "input", "--json", "--in-place");
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        var order = OrderOf(g, root);
        long peak = root.GetProperty("peak_bytes").GetInt64();
        Assert.Equal(MemoryModel.Evaluate(g, order, MemoryModelOptions.InPlaceReuse), peak);
        Assert.True(peak < MemoryModel.Evaluate(g, order), "in-place reuse should lower ResNet-50's input-order peak");
        Assert.Equal("in-place", root.GetProperty("memory_model").GetString());
        Assert.Equal("in-place", root.GetProperty("bounds_memory_model").GetString());
        Assert.Equal(MemoryModel.LowerBound(g, MemoryModelOptions.InPlaceReuse),
            Math.Max(root.GetProperty("lower_bound_bytes").GetInt64(), root.GetProperty("cut_bound_bytes").GetInt64()));
        Assert.False(root.TryGetProperty("arena_bytes", out _));
    }

    [Fact]
    public void Schedule_ViewsOnOnnx_PeakAndBoundsUnderViewsAndNamed()
    {
        string model = Path.Combine(TestData.RepoRoot, "datasets", "onnx", "tiny_transformer.onnx");
        var g = Graphs.Formats.Onnx.OnnxGraphReader.Read(model).Graph;
        var both = MemoryModelOptions.Parse("in-place+views")!;
        var (code, stdout, stderr) = CliRunner.Run("schedule", model, "--method", "local", "--json", "--in-place", "--views", "--arena", "greedy-size");
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        var order = OrderOf(g, root);
        long peak = root.GetProperty("peak_bytes").GetInt64();
        Assert.Equal("in-place+views", root.GetProperty("memory_model").GetString());
        Assert.Equal("in-place+views", root.GetProperty("bounds_memory_model").GetString());
        Assert.Equal(MemoryModel.Evaluate(g, order, both), peak);
        Assert.True(root.GetProperty("cut_bound_bytes").GetInt64() <= peak);
        Assert.True(root.GetProperty("arena_bytes").GetInt64() >= peak);
    }

    [Fact]
    public void Schedule_BadViewOps_IsUsageError()
    {
        var (code, _, stderr) = CliRunner.Run("schedule", ResNet, "--method", "input", "--view-ops", ",");
        Assert.Equal(2, code);
        Assert.Contains("--view-ops", stderr);
    }

    [Theory]
    [InlineData("dfs", false)]
    [InlineData("bfs", true)]
    public void Schedule_Arena_ReportsPlannedArenaNotBelowPeak(string method, bool inPlace)
    {
        var g = JsonGraphReader.ReadFile(ResNet);
        var options = inPlace ? MemoryModelOptions.InPlaceReuse : MemoryModelOptions.Default;
        string[] args = ["schedule", ResNet, "--method", method, "--json", "--arena", .. inPlace ? new[] { "--in-place" } : []];
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        var order = OrderOf(g, root);
        long arena = root.GetProperty("arena_bytes").GetInt64(), peak = root.GetProperty("peak_bytes").GetInt64();
        Assert.Equal(MemoryModel.Evaluate(g, order, options), peak);
        // The default strategy is the best of all, so never above greedy by size (the single strategy it once was).
        Assert.True(arena <= ArenaPlanner.Plan(g, order, options).ArenaBytes, $"arena {arena} above greedy by size");
        Assert.True(arena >= peak, $"arena {arena} < peak {peak}");
        ArenaChecks.NoOverlap(ArenaChecks.Buffers(root), arena, method);
        Assert.Equal(options.Name, root.GetProperty("memory_model").GetString());
    }

    [Fact]
    public void Schedule_NoModelFlags_JsonNamesDefaultModelTextDoesNot()
    {
        var (code, stdout, stderr) = CliRunner.Run("schedule", ResNet, "--method", "input", "--json");
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("default", doc.RootElement.GetProperty("memory_model").GetString());
        Assert.False(doc.RootElement.TryGetProperty("arena_bytes", out _));
        var (textCode, text, _) = CliRunner.Run("schedule", ResNet, "--method", "input");
        Assert.Equal(0, textCode);
        Assert.DoesNotContain("memory model", text);
    }

    [Fact]
    public void Schedule_InPlaceArenaSummary_NamesModelAndArena()
    {
        var (code, stdout, stderr) = CliRunner.Run("schedule", ResNet, "--method", "input", "--in-place", "--arena");
        Assert.True(code == 0, stderr);
        Assert.Contains("memory model: in-place", stdout);
        Assert.Contains("arena ", stdout);
        Assert.Contains("fragmentation", stdout);
    }
}
