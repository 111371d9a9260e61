using System.Diagnostics;
using Scheduler.Graphs;
using Scheduler.Graphs.Formats;
using Scheduler.Graphs.Formats.Onnx;
using Scheduler.Testing;

namespace Scheduler.Build.Planner.Tests;

public sealed class GraphPlannerTests
{
    // Local search spends a fixed work budget (about 3 s at effort 1 even on 9 ops), so the many-graph tests use the
    // default set without it; exact still proves every golden optimum. The default set itself runs once, below.
    private static readonly string[] FastMethods = ["--methods", "bfs;dfs;lpmf;xla-list;xla-dfs;beam;exact"];

    public static IEnumerable<object[]> OnnxModels() =>
        from model in new[] { ("tiny_inception.onnx", ""), ("tiny_transformer.onnx", ""), ("batch_mlp.onnx", "batch=4") }
        from inPlace in new[] { false, true }
        select new object[] { model.Item1, model.Item2, inPlace };

    [Theory]
    [MemberData(nameof(TestData.GoldenNames), MemberType = typeof(TestData))]
    public void Plan_GoldenGraph_PeakIsOptimalAndEqualsMemoryModel(string name)
    {
        var golden = TestData.GoldenCase(name);
        var (_, plan) = PlanFiles.Plan(GoldenPath(name), FastMethods);
        int[] order = PlanFiles.Order(golden.Graph, plan);
        long peak = plan.GetProperty("peak_bytes").GetInt64();
        Assert.Equal(MemoryModel.Evaluate(golden.Graph, order), peak);
        Assert.Equal(golden.OptimalPeak, peak);
        Assert.True(plan.GetProperty("proven").GetBoolean(), name);
        Assert.True(plan.GetProperty("lower_bound_bytes").GetInt64() <= peak, name);
    }

    [Theory]
    [MemberData(nameof(TestData.GoldenNames), MemberType = typeof(TestData))]
    public void Plan_GoldenGraph_OffsetsNeverOverlapTwoLiveTensors(string name)
    {
        var (_, plan) = PlanFiles.Plan(GoldenPath(name), FastMethods);
        long arena = plan.GetProperty("arena_bytes").GetInt64();
        ArenaChecks.NoOverlap(ArenaChecks.Buffers(plan), arena, name);
        Assert.True(arena >= plan.GetProperty("peak_bytes").GetInt64(), name);
    }

    [Theory]
    [MemberData(nameof(OnnxModels))]
    public void Plan_OnnxModel_PeakEqualsMemoryModelAndOffsetsFit(string file, string dims, bool inPlace)
    {
        string path = Path.Combine(TestData.RepoRoot, "datasets", "onnx", file);
        var (built, plan) = PlanFiles.Plan(path, [.. FastMethods, "--in-place", inPlace ? "true" : "false", "--dims", dims]);
        var graph = OnnxGraphReader.Read(path, OnnxReadOptions.Default.WithDims(PlanRequest.SplitList(dims))).Graph;
        var model = inPlace ? MemoryModelOptions.InPlaceReuse : MemoryModelOptions.Default;
        int[] order = PlanFiles.Order(graph, plan);
        Assert.Equal(MemoryModel.Evaluate(graph, order, model), plan.GetProperty("peak_bytes").GetInt64());
        Assert.Equal(model.Name, plan.GetProperty("options").GetProperty("memory_model").GetString());
        Assert.Equal(graph.TensorCount, plan.GetProperty("tensors").GetArrayLength());
        ArenaChecks.NoOverlap(ArenaChecks.Buffers(plan), plan.GetProperty("arena_bytes").GetInt64(), file);
        Assert.Equal(built.Arena.ArenaBytes, plan.GetProperty("arena_bytes").GetInt64());
    }

    [Fact]
    public void Plan_DefaultMethods_PeakEqualsMemoryModelAndNoNativeLibraryLoads()
    {
        string path = Path.Combine(TestData.RepoRoot, "datasets", "onnx", "tiny_inception.onnx");
        var (built, plan) = PlanFiles.Plan(path);
        Assert.Equal([.. PlanRequest.DefaultMethods], plan.GetProperty("options").GetProperty("methods").EnumerateArray().Select(m => m.GetString()!));
        Assert.Equal(MemoryModel.Evaluate(built.Graph, PlanFiles.Order(built.Graph, plan)), plan.GetProperty("peak_bytes").GetInt64());
        Assert.DoesNotContain(plan.GetProperty("candidates").EnumerateArray(), c => c.GetProperty("status").GetString() == "failed");
        var natives = Process.GetCurrentProcess().Modules.Cast<ProcessModule>().Select(m => m.ModuleName)
            .Where(m => m.Contains("torch", StringComparison.OrdinalIgnoreCase) || m.Contains("ortools", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(natives);
    }

    [Fact]
    public void Plan_SameGraphTwice_ByteIdenticalPlanFile()
    {
        string path = Path.Combine(TestData.RepoRoot, "datasets", "onnx", "tiny_transformer.onnx");
        string Write() => PlanJson.Write(GraphPlanner.Plan(PlanRequest.Parse([path, "--out", "x", .. FastMethods])));
        Assert.Equal(Write(), Write());
    }

    [Fact]
    public void Plan_Effort_RecordedInPlan()
    {
        var (_, plan) = PlanFiles.Plan(GoldenPath(TestData.GoldenCases[0].Name), "--effort", "0.5", "--methods", "bfs;local");
        var options = plan.GetProperty("options");
        Assert.Equal(0.5, options.GetProperty("effort").GetDouble());
        Assert.Equal(["bfs", "local"], options.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!));
        Assert.Equal(["input", "bfs", "local"], plan.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("method").GetString()!));
    }

    [Fact]
    public void Read_JsonGraph_SameAsReader()
    {
        string path = GoldenPath(TestData.GoldenCases[0].Name);
        var graph = GraphPlanner.Read(PlanRequest.Parse([path, "--out", "x"]));
        Assert.Equal(JsonGraphReader.ReadFile(path).OpCount, graph.OpCount);
    }

    private static string GoldenPath(string name) => Path.Combine(TestData.RepoRoot, "tests", "golden", name + ".json");
}
