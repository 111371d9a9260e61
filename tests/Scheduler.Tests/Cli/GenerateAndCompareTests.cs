using System.Text.Json;
using Scheduler.Graphs;
using Scheduler.Graphs.Formats;
using Scheduler.Testing;

namespace Scheduler.Tests.Cli;

[Collection("cli")]
public class GenerateAndCompareTests
{
    [Fact]
    public void Generate_Layered500Count3_WritesThreeValidDagsOfAbout500Nodes()
    {
        string dir = Directory.CreateTempSubdirectory("gen").FullName;
        var (code, _, stderr) = CliRunner.Run("generate", "layered", "--nodes", "500", "--count", "3", "--out", dir);
        Assert.True(code == 0, stderr);
        var files = Directory.GetFiles(dir, "*.json").Order().ToArray();
        Assert.Equal(3, files.Length);
        foreach (string f in files)
        {
            var g = JsonGraphReader.ReadFile(f);
            Assert.InRange(g.OpCount, 450, 550);
        }
    }

    [Fact]
    public void Compare_JsonOnTwoGraphs_OneObjectPerGraphAndMethod_OracleIsMinimumAndPassNoWorse()
    {
        string a = Path.Combine(TestData.RepoRoot, "tests", "golden", "golden-001-random-sparse-18.json");
        string b = Path.Combine(TestData.RepoRoot, "tests", "golden", "golden-003-layered-16.json");
        var (code, stdout, stderr) = CliRunner.Run("compare", a, b, "--methods", "input,bfs,dfs,lpmf,best,oracle", "--json", "--effort", "0.05");
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var rows = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(12, rows.Count);
        foreach (var graph in rows.GroupBy(r => r.GetProperty("graph").GetString()))
        {
            long Peak(string method) => graph.Single(r => r.GetProperty("method").GetString() == method).GetProperty("peak_bytes").GetInt64();
            long heuristics = graph.Where(r => r.GetProperty("method").GetString() is not ("best" or "oracle")).Min(r => r.GetProperty("peak_bytes").GetInt64());
            Assert.Equal(heuristics, Peak("oracle"));
            // The pass runs these heuristics and more, so it is never worse than the best of them.
            Assert.True(Peak("best") <= heuristics);
            Assert.All(graph, r => Assert.True(r.TryGetProperty("order", out _) && r.TryGetProperty("status", out _) && r.TryGetProperty("elapsed_ms", out _)));
        }
    }

    [Fact]
    public void Compare_ReportWithLocal_WritesTheAnytimeCurveEndingAtEachRowsPeak()
    {
        string dir = Directory.CreateTempSubdirectory("report-anytime").FullName;
        string a = Path.Combine(TestData.RepoRoot, "datasets", "layered-100", "layered-100-000.json");
        string b = Path.Combine(TestData.RepoRoot, "datasets", "layered-100", "layered-100-001.json");
        var (code, _, stderr) = CliRunner.Run("compare", a, b, "--methods", "input,local", "--effort", "0.01", "--report", dir);
        Assert.True(code == 0, stderr);
        var csv = File.ReadAllLines(Path.Combine(dir, "anytime.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var results = File.ReadAllLines(Path.Combine(dir, "results.csv")).Skip(1).Select(l => l.Split(',')).Where(c => c[3] == "local").ToList();
        Assert.Equal(2, results.Count);
        foreach (var row in results)
        {
            // The curve of each local row starts at work 0 and ends at the peak the report gives for the row.
            var points = csv.Where(c => c[1] == row[1]).ToList();
            Assert.Equal("0", points[0][3]);
            Assert.Equal(row[4], points[^1][5]);
        }
        Assert.True(File.Exists(Path.Combine(dir, "plots", "02-anytime.png")));
        Assert.Contains("### Anytime: mean peak / LB after so many scored moves", File.ReadAllText(Path.Combine(dir, "report.md")));
    }

    [Fact]
    public void Compare_Report_WritesMarkdownHtmlCsvJsonAndPlots()
    {
        string dir = Directory.CreateTempSubdirectory("report").FullName;
        string input = Path.Combine(TestData.RepoRoot, "datasets", "layered-100");
        var (code, stdout, stderr) = CliRunner.Run("compare", input, "--methods", "input,bfs,xla-list,best,oracle", "--effort", "0.02", "--report", dir);
        Assert.True(code == 0, stderr);
        Assert.Contains("mean peak / LB", stdout);
        foreach (string f in new[] { "report.md", "report.html", "results.csv", "results.json", "orders.json" })
        {
            Assert.True(new FileInfo(Path.Combine(dir, f)).Length > 100, f);
        }
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(dir, "plots"), "*.png"));
        Assert.Contains("### layered-100 (10 graphs)", File.ReadAllText(Path.Combine(dir, "report.md")));
        Assert.DoesNotContain("`", File.ReadAllText(Path.Combine(dir, "report.html")));
        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "results.json")));
        Assert.Equal(50, results.RootElement.GetProperty("rows").GetArrayLength());
        Assert.All(results.RootElement.GetProperty("rows").EnumerateArray(), r => Assert.False(r.TryGetProperty("order", out _)));
        using var orders = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "orders.json")));
        Assert.Equal(50, orders.RootElement.GetArrayLength());
        Assert.All(orders.RootElement.EnumerateArray(), r => Assert.True(r.GetProperty("order").GetArrayLength() > 0));
    }

    [Fact]
    public void Compare_InPlace_PeaksNeverAboveDefaultModel_AndLowerOnResNet()
    {
        string file = Path.Combine(TestData.RepoRoot, "datasets", "real", "resnet50.json");
        long Peak(params string[] extra)
        {
            var (code, stdout, stderr) = CliRunner.Run(["compare", file, "--methods", "input", "--json", .. extra]);
            Assert.True(code == 0, stderr);
            using var doc = JsonDocument.Parse(stdout);
            return doc.RootElement[0].GetProperty("peak_bytes").GetInt64();
        }
        long plain = Peak(), inPlace = Peak("--in-place");
        Assert.True(inPlace < plain, $"in-place {inPlace} should be below {plain} on a ReLU/Add-heavy CNN");
    }

    [Fact]
    public void Compare_UnknownMethod_ExitTwo()
        => Assert.Equal(2, CliRunner.Run("compare", Path.Combine(TestData.RepoRoot, "datasets", "layered-100"), "--methods", "bfs,nope").Code);
}
