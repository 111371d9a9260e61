using System.Text.Json;
using Scheduler.Testing;

namespace Scheduler.Tests.Cli;

[Collection("cli")]
public class CompareArenaTests
{
    private static readonly string[] Goldens =
    [
        Path.Combine(TestData.RepoRoot, "tests", "golden", "golden-001-random-sparse-18.json"),
        Path.Combine(TestData.RepoRoot, "tests", "golden", "golden-003-layered-16.json"),
    ];

    [Theory]
    [InlineData("greedy-size")]
    [InlineData("cpsat")]
    [InlineData("best")]
    public void Compare_Arena_EveryRowHasAnArenaNoSmallerThanItsPeakAndProvenEqualsIt(string strategy)
    {
        var (code, stdout, stderr) = CliRunner.Run("compare", Goldens[0], Goldens[1], "--methods", "input,bfs,dfs,lpmf,best,oracle",
            "--json", "--effort", "0.05", "--arena", strategy);
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var rows = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(12, rows.Count);
        foreach (var r in rows)
        {
            long peak = r.GetProperty("peak_bytes").GetInt64(), arena = r.GetProperty("arena_bytes").GetInt64();
            Assert.True(arena >= peak, $"{r.GetProperty("graph")} / {r.GetProperty("method")}: arena {arena} below peak {peak}");
            Assert.Equal((double)(arena - peak) / peak, r.GetProperty("fragmentation").GetDouble(), 5);
            if (r.GetProperty("arena_proven").GetBoolean())
            {
                // Alignment 1: the arena's bound is the live peak itself, so a proven plan meets it exactly.
                Assert.Equal(peak, arena);
            }
            Assert.True(strategy == "best" || r.GetProperty("arena_strategy").GetString() == strategy);
            Assert.True(r.GetProperty("arena_ms").GetDouble() >= 0);
        }
        if (strategy == "cpsat")
        {
            // These graphs are small: CP-SAT proves every plan, so arena = peak on every row.
            Assert.All(rows, r => Assert.True(r.GetProperty("arena_proven").GetBoolean()));
        }
    }

    [Fact]
    public void Compare_WithoutArena_RowsAndReportHaveNoArenaFields()
    {
        string dir = Directory.CreateTempSubdirectory("report-no-arena").FullName;
        try
        {
            var (code, stdout, stderr) = CliRunner.Run("compare", Goldens[0], "--methods", "input,bfs", "--json", "--report", dir);
            Assert.True(code == 0, stderr);
            Assert.DoesNotContain("arena_", stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("arena", File.ReadAllText(Path.Combine(dir, "results.csv")), StringComparison.Ordinal);
            Assert.DoesNotContain("arena / peak", File.ReadAllText(Path.Combine(dir, "report.md")), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Compare_ArenaReport_HasArenaColumnsInCsvAndTables()
    {
        string dir = Directory.CreateTempSubdirectory("report-arena").FullName;
        try
        {
            var (code, _, stderr) = CliRunner.Run("compare", Goldens[0], "--methods", "input,bfs", "--report", dir, "--arena", "greedy-size");
            Assert.True(code == 0, stderr);
            string header = File.ReadLines(Path.Combine(dir, "results.csv")).First();
            Assert.EndsWith(",arena_bytes,arena_strategy,arena_proven,fragmentation,arena_ms", header, StringComparison.Ordinal);
            Assert.Contains("| mean arena / peak |", File.ReadAllText(Path.Combine(dir, "report.md")), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("--arena", "nope", "unknown offset strategy 'nope'")]
    [InlineData("--arena-alignment", "8", "--arena-alignment applies with --arena only")]
    public void Compare_BadArenaFlags_ExitTwoNamingTheFlag(string flag, string value, string expected)
    {
        var (code, _, stderr) = CliRunner.Run("compare", Goldens[0], "--methods", "input", flag, value);
        Assert.Equal(2, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }
}
