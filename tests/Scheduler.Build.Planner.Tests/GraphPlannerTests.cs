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
        from memory in MemoryModelOptions.Names
        select new object[] { model.Item1, model.Item2, memory };

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
    public void Plan_OnnxModel_PeakEqualsMemoryModelAndOffsetsFit(string file, string dims, string memory)
    {
        string path = Path.Combine(TestData.RepoRoot, "datasets", "onnx", file);
        var model = MemoryModelOptions.Parse(memory)!;
        var (built, plan) = PlanFiles.Plan(path, [.. FastMethods, "--in-place", model.InPlace ? "true" : "false",
            "--views", model.Views ? "true" : "false", "--dims", dims]);
        var graph = OnnxGraphReader.Read(path, OnnxReadOptions.Default.WithDims(PlanRequest.SplitList(dims))).Graph;
        int[] order = PlanFiles.Order(graph, plan);
        Assert.Equal(MemoryModel.Evaluate(graph, order, model), plan.GetProperty("peak_bytes").GetInt64());
        Assert.Equal(model.Name, plan.GetProperty("options").GetProperty("memory_model").GetString());
        Assert.Equal(graph.TensorCount, plan.GetProperty("tensors").GetArrayLength());
        ArenaChecks.NoOverlap(ArenaChecks.Buffers(plan), plan.GetProperty("arena_bytes").GetInt64(), file);
        Assert.Equal(built.Arena.ArenaBytes, plan.GetProperty("arena_bytes").GetInt64());
        // The smaller of the two greedy plans: never above either strategy alone.
        var problem = ArenaPlanner.Problem(graph, order, model);
        foreach (var strategy in ArenaPlanner.GreedyStrategies)
        {
            Assert.True(built.Arena.ArenaBytes <= ArenaPlanner.Plan(problem, [strategy], model).ArenaBytes, strategy.Name);
        }
    }

    [Fact]
    public void Plan_JsonViewOps_ViewsShareTheirSourceOffsetAndLowerThePeak()
    {
        // a (64 B) -> Reshape -> b (64 B) -> Sum (8 B): under views b is a's storage, so the peak is 64 + 8 = 72 B at the
        // sum; as a copy a and b are both live at the reshape (128 B).
        string dir = Directory.CreateTempSubdirectory("planner-views").FullName;
        try
        {
            string path = Path.Combine(dir, "reshape.json");
            File.WriteAllText(path, """
                {"name": "reshape",
                 "nodes": [{"id": 0, "op": "Conv", "size": 64}, {"id": 1, "op": "Reshape", "size": 64}, {"id": 2, "op": "Sum", "size": 8}],
                 "edges": [[0, 1], [1, 2]]}
                """);
            long Peak(params string[] extra) => PlanFiles.Plan(path, [.. FastMethods, .. extra]).Json.GetProperty("peak_bytes").GetInt64();
            var (_, plan) = PlanFiles.Plan(path, [.. FastMethods, "--views", "true", "--view-ops", "Reshape"]);
            Assert.Equal("views", plan.GetProperty("options").GetProperty("memory_model").GetString());
            var offsets = plan.GetProperty("tensors").EnumerateArray().Select(t => t.GetProperty("offset").GetInt64()).ToArray();
            Assert.Equal(offsets[0], offsets[1]);
            Assert.Equal(72, plan.GetProperty("peak_bytes").GetInt64());
            Assert.Equal(128, Peak("--view-ops", "Reshape"));
            // Without --view-ops a JSON graph has only its own alias_of marks, so views change nothing here.
            Assert.Equal(Peak(), Peak("--views", "true"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
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
