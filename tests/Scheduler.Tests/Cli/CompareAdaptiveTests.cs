using System.Text.Json;
using Scheduler.Pass.Adaptive;
using Scheduler.Testing;

namespace Scheduler.Tests.Cli;

[Collection("cli")]
public sealed class CompareAdaptiveTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("compare-adaptive-").FullName;
    private static readonly string A = Path.Combine(TestData.RepoRoot, "tests", "golden", "golden-001-random-sparse-18.json");
    private static readonly string B = Path.Combine(TestData.RepoRoot, "tests", "golden", "golden-003-layered-16.json");

    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public void Compare_Adaptive_OneRowPerGraph_NoWorseThanInput_SavesAPosteriorTheNextRunLoads()
    {
        string posterior = Path.Combine(_dir, "posterior.json");
        for (int run = 1; run <= 2; run++)
        {
            var (code, stdout, stderr) = CliRunner.Run("compare", A, B, "--methods", "input,best", "--adaptive", "--posterior", posterior,
                "--json", "--effort", "0.05");
            Assert.True(code == 0, stderr);
            using var doc = JsonDocument.Parse(stdout);
            var rows = doc.RootElement.EnumerateArray().ToList();
            var adaptive = rows.Where(r => r.GetProperty("method").GetString() == "adaptive").ToList();
            Assert.Equal(2, adaptive.Count);
            foreach (var row in adaptive)
            {
                var input = rows.Single(r => r.GetProperty("graph").GetString() == row.GetProperty("graph").GetString()
                    && r.GetProperty("method").GetString() == "input");
                Assert.True(row.GetProperty("peak_bytes").GetInt64() <= input.GetProperty("peak_bytes").GetInt64());
                Assert.True(row.GetProperty("elapsed_ms").GetDouble() > 0);
                Assert.StartsWith("adaptive (", row.GetProperty("message").GetString());
            }
            Assert.Equal(2 * run, PosteriorFile.Load(posterior).GraphsSeen);
        }
    }

    [Fact]
    public void Compare_BadPosteriorFile_ExitTwoNamingTheFile_FileLeftAsItWas()
    {
        string posterior = Path.Combine(_dir, "broken.json");
        File.WriteAllText(posterior, "{\"format\": \"scheduler-adaptive-posterior\", \"version\": 1");
        var (code, stdout, stderr) = CliRunner.Run("compare", A, "--adaptive", "--posterior", posterior, "--json");
        Assert.Equal(2, code);
        Assert.Contains(posterior, stderr);
        Assert.Equal("", stdout);
        Assert.Equal("{\"format\": \"scheduler-adaptive-posterior\", \"version\": 1", File.ReadAllText(posterior));
    }

    [Fact]
    public void Compare_PosteriorWithoutAdaptive_ExitTwo()
    {
        var (code, _, stderr) = CliRunner.Run("compare", A, "--posterior", Path.Combine(_dir, "p.json"), "--json");
        Assert.Equal(2, code);
        Assert.Contains("--posterior needs --adaptive", stderr);
    }
}
