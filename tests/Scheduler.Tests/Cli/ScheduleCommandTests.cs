using System.Text.Json;
using Scheduler.Graphs;
using Scheduler.Graphs.Formats;
using Scheduler.Testing;

namespace Scheduler.Tests.Cli;

[Collection("cli")]
public partial class ScheduleCommandTests
{
    [Theory]
    [MemberData(nameof(TestData.GoldenNames), MemberType = typeof(TestData))]
    public void Schedule_GoldenInputJson_ReportsExpectedPeakAndBound(string name)
    {
        var c = TestData.GoldenCase(name);
        var (code, stdout, stderr) = CliRunner.Run("schedule", Path.Combine(TestData.RepoRoot, "tests", "golden", name + ".json"), "--method", "input", "--json");
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal(c.InputOrderPeak, root.GetProperty("peak_bytes").GetInt64());
        Assert.Equal(c.LowerBound, root.GetProperty("lower_bound_bytes").GetInt64());
        Assert.Equal(0, root.GetProperty("resident_bytes").GetInt64());
        var order = root.GetProperty("order").EnumerateArray().Select(e => c.Graph.TryGetOp(e.GetInt64(), out int op) ? op : -1).ToArray();
        Assert.Equal(c.InputOrderPeak, MemoryModel.Evaluate(c.Graph, order));
    }

    [Fact]
    public void Schedule_EveryMethodOnGolden_ReportedPeakEqualsModelRescore()
    {
        var c = TestData.GoldenCases[1];
        string file = Path.Combine(TestData.RepoRoot, "tests", "golden", c.Name + ".json");
        foreach (var method in Scheduler.Pass.MethodCatalog.Members.Select(d => d.Name).Append("best"))
        {
            var (code, stdout, stderr) = CliRunner.Run("schedule", file, "--method", method, "--json", "--time-limit", "2");
            Assert.True(code == 0, $"{method}: {stderr}");
            using var doc = JsonDocument.Parse(stdout);
            var order = doc.RootElement.GetProperty("order").EnumerateArray().Select(e => c.Graph.TryGetOp(e.GetInt64(), out int op) ? op : -1).ToArray();
            long peak = doc.RootElement.GetProperty("peak_bytes").GetInt64();
            Assert.Equal(MemoryModel.Evaluate(c.Graph, order), peak);
            Assert.True(peak >= c.OptimalPeak, $"{method}: {peak} below the optimum {c.OptimalPeak}");
        }
    }

    [Fact]
    public void Schedule_Best_WritesReorderedGraphNoWorseThanInput()
    {
        string dir = Directory.CreateTempSubdirectory("sched").FullName;
        string src = Path.Combine(TestData.RepoRoot, "datasets", "layered-100", "layered-100-000.json");
        string dst = Path.Combine(dir, "out.json");
        var (code, _, stderr) = CliRunner.Run("schedule", src, "--out", dst, "--effort", "0.05");
        Assert.True(code == 0, stderr);
        var before = JsonGraphReader.ReadFile(src);
        var after = JsonGraphReader.ReadFile(dst);
        Assert.Equal(before.OpCount, after.OpCount);
        Assert.Equal(before.EdgeCount, after.EdgeCount);
        var identity = Enumerable.Range(0, after.OpCount).ToArray();
        Assert.True(MemoryModel.Evaluate(after, identity) <= MemoryModel.Evaluate(before, identity));
        Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
    }

    [Theory]
    [InlineData("{\"nodes\":[{\"id\":1,\"size\":3},{\"id\":2,\"size\":4}],\"edges\":[[1,2],[2,1]]}", "cycle: 1 -> 2 -> 1")]
    [InlineData("{\"nodes\":[{\"id\":1,\"size\":3},", ":1:")]
    [InlineData("{\"nodes\":[{\"id\":1,\"size\":-3}],\"edges\":[]}", "negative size")]
    [InlineData("{\"nodes\":[{\"id\":1,\"size\":3}],\"edges\":[[1,7]]}", "unknown node id 7")]
    public void Schedule_BadInput_ExitTwoOneLineNoOutputFile(string json, string expected)
    {
        string dir = Directory.CreateTempSubdirectory("bad").FullName;
        string file = Path.Combine(dir, "g.json"), output = Path.Combine(dir, "out.json");
        File.WriteAllText(file, json);
        var (code, _, stderr) = CliRunner.Run("schedule", file, "--out", output);
        Assert.Equal(2, code);
        Assert.Contains(expected, stderr);
        Assert.Contains("g.json", stderr);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Schedule_UnknownMethod_ExitTwo()
    {
        var (code, _, stderr) = CliRunner.Run("schedule", Path.Combine(TestData.RepoRoot, "tests", "golden", "golden-000-layered-20.json"), "--method", "nope");
        Assert.Equal(2, code);
        Assert.Contains("unknown method 'nope'", stderr);
    }
}
