using System.Text.Json;
using Scheduler.Graphs;
using Scheduler.Graphs.Formats;
using Scheduler.Graphs.Formats.Onnx;
using Scheduler.Pass;
using Scheduler.Testing;

namespace Scheduler.Tests.Cli;

public partial class ScheduleCommandTests
{
    // Greedy plans leave fragmentation on this graph, so CP-SAT has work to do; a small effort keeps it in seconds.
    private static string Layered => Path.Combine(TestData.RepoRoot, "datasets", "layered-100", "layered-100-000.json");

    private static JsonElement ArenaRun(params string[] extra)
    {
        string[] args = ["schedule", Layered, "--method", "input", "--json", "--effort", "0.05", .. extra];
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        return doc.RootElement.Clone();
    }

    [Theory]
    [InlineData("greedy-size")]
    [InlineData("greedy-breadth")]
    [InlineData("cpsat")]
    [InlineData("best")]
    public void Schedule_ArenaStrategy_JsonNamesItAndOffsetsAreValid(string strategy)
    {
        var root = ArenaRun("--arena", strategy);
        long arena = root.GetProperty("arena_bytes").GetInt64(), peak = root.GetProperty("peak_bytes").GetInt64();
        string won = root.GetProperty("arena_strategy").GetString()!;
        Assert.True(strategy == "best" ? ArenaCatalog.Ids.Contains(won) : won == strategy, $"{strategy}: won by {won}");
        ArenaChecks.NoOverlap(ArenaChecks.Buffers(root), arena, strategy);
        Assert.True(arena >= peak, $"arena {arena} < peak {peak}");
        Assert.Equal(Math.Round((double)(arena - peak) / peak, 6), root.GetProperty("fragmentation").GetDouble());
        var candidates = root.GetProperty("arena_candidates").EnumerateArray().ToList();
        Assert.All(candidates, c => Assert.True(arena <= c.GetProperty("arena_bytes").GetInt64()));
        Assert.Equal(strategy == "best" ? 3 : 1, candidates.Count);
    }

    [Fact]
    public void Schedule_ArenaBest_NoLargerThanEachGreedyAndBeatsThemHere()
    {
        var g = JsonGraphReader.ReadFile(Layered);
        var problem = ArenaPlanner.Problem(g, Enumerable.Range(0, g.OpCount).ToArray());
        long best = ArenaRun("--arena").GetProperty("arena_bytes").GetInt64();
        foreach (var greedy in ArenaPlanner.GreedyStrategies)
        {
            long greedyArena = greedy.Assign(problem, null).ArenaBytes;
            Assert.True(best < greedyArena, $"best {best} not below {greedy.Name} {greedyArena}");
        }
    }

    [Fact]
    public void Schedule_ArenaBeforeFile_Exit2SaysToPutTheFileFirst()
    {
        var (code, stdout, stderr) = CliRunner.Run("schedule", "--arena", Layered, "--method", "input");
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("--arena", stderr);
        var (equalsCode, _, equalsErr) = CliRunner.Run("schedule", "--arena=greedy-size", Layered, "--method", "input");
        Assert.True(equalsCode == 0, equalsErr);
    }

    [Fact]
    public void Schedule_ArenaAlignment_EveryOffsetAligned()
    {
        var root = ArenaRun("--arena", "greedy-breadth", "--arena-alignment", "64");
        Assert.Equal(64, root.GetProperty("arena_alignment").GetInt64());
        var buffers = ArenaChecks.Buffers(root);
        Assert.NotEmpty(buffers);
        Assert.All(buffers, b => Assert.Equal(0, b.Offset % 64));
        Assert.True(root.GetProperty("arena_bytes").GetInt64() >= root.GetProperty("arena_lower_bound_bytes").GetInt64());
    }

    [Theory]
    [InlineData("--arena", "greedy-sise")]
    [InlineData("--arena-alignment", "64")]
    [InlineData("--arena-alignment", "0")]
    public void Schedule_BadArenaFlags_Exit2NamingTheFlag(string flag, string value)
    {
        var (code, stdout, stderr) = CliRunner.Run("schedule", Layered, "--method", "input", flag, value);
        Assert.Equal(2, code);
        Assert.Contains(flag, stderr);
        Assert.Equal("", stdout);
        if (value == "greedy-sise")
        {
            Assert.Contains("greedy-size", stderr);
        }
    }

    [Fact]
    public void Schedule_ArenaOnnxOut_PlanInMetadataPropsOtherMetadataKept()
    {
        // constant.onnx has metadata of its own, which must survive beside the plan.
        string source = Path.Combine(TestData.RepoRoot, "datasets", "onnx", "constant.onnx");
        string outPath = Path.Combine(Directory.CreateTempSubdirectory("arena-onnx").FullName, "planned.onnx");
        var (code, stdout, stderr) = CliRunner.Run("schedule", source, "--method", "input", "--json", "--arena", "greedy-breadth", "--arena-alignment", "16", "--out", outPath);
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var before = OnnxGraphReader.Load(source).MetadataProps.ToDictionary(p => p.Key, p => p.Value);
        var props = OnnxGraphReader.Load(outPath).MetadataProps.ToDictionary(p => p.Key, p => p.Value);
        Assert.NotEmpty(before);
        Assert.All(before, p => Assert.Equal(p.Value, props[p.Key]));
        Assert.Equal(doc.RootElement.GetProperty("arena_bytes").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), props["scheduler.arena_bytes"]);
        Assert.Equal("greedy-breadth", props["scheduler.arena_strategy"]);
        Assert.Equal("16", props["scheduler.arena_alignment"]);
        using var offsets = JsonDocument.Parse(props["scheduler.arena_offsets"]);
        var expected = doc.RootElement.GetProperty("tensors").EnumerateArray().Where(t => t.GetProperty("offset").GetInt64() >= 0)
            .ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("offset").GetInt64());
        var written = offsets.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
        Assert.NotEmpty(written);
        Assert.Equal(expected, written);
    }
}
