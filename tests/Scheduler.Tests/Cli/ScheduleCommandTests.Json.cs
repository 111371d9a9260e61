using System.Text.Json;
using Scheduler.Graphs;
using Scheduler.Testing;

namespace Scheduler.Tests.Cli;

/// <summary><c>schedule --json</c>: the winning candidate and the memory model are always named.</summary>
public partial class ScheduleCommandTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Schedule_BestJson_NamesWinnerAndMemoryModel(bool inPlace)
    {
        var golden = TestData.GoldenCases[2];
        string file = Path.Combine(TestData.RepoRoot, "tests", "golden", golden.Name + ".json");
        string[] args = ["schedule", file, "--json", "--config", WriteConfig("methods: [bfs, dfs, lpmf, xla-list, local]\n"), .. inPlace ? new[] { "--in-place" } : []];
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal("best", root.GetProperty("method").GetString());
        Assert.Equal(inPlace ? "in-place" : "default", root.GetProperty("memory_model").GetString());
        string winner = root.GetProperty("winner").GetString()!;
        var candidates = root.GetProperty("candidates").EnumerateArray()
            .Where(c => c.GetProperty("peak_bytes").ValueKind == JsonValueKind.Number)
            .Select(c => (Method: c.GetProperty("method").GetString()!, Peak: c.GetProperty("peak_bytes").GetInt64()))
            .ToList();
        long peak = root.GetProperty("peak_bytes").GetInt64();
        Assert.Equal(candidates.First(c => c.Peak == candidates.Min(x => x.Peak)).Method, winner); // ties go to the earlier candidate
        Assert.Equal(peak, candidates.Single(c => c.Method == winner).Peak);
    }

    [Fact]
    public void Schedule_SingleMethodJson_WinnerIsTheMethod()
    {
        string file = Path.Combine(TestData.RepoRoot, "tests", "golden", "golden-000-layered-20.json");
        var (code, stdout, stderr) = CliRunner.Run("schedule", file, "--method", "lpmf", "--json");
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("lpmf", doc.RootElement.GetProperty("winner").GetString());
        Assert.Equal(MemoryModelOptions.Default.Name, doc.RootElement.GetProperty("memory_model").GetString());
    }

    private static string WriteConfig(string yaml)
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("cfg").FullName, "pass.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
