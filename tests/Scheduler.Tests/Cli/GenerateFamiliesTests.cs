using Scheduler.Graphs;
using Scheduler.Graphs.Formats;
using Scheduler.Testing;

namespace Scheduler.Tests.Cli;

[Collection("cli")]
public class GenerateFamiliesTests
{
    [Theory]
    [InlineData("series-parallel", "--nodes", "400", 3000, "series-parallel-400")]
    [InlineData("randwire", "--stage-nodes", "32", 4000, "randwire-32")]
    [InlineData("nas-cell", "--cells", "20", 5000, "nas-cell-20")]
    public void Generate_BundledIrregularArguments_ReproduceDatasetFilesByteForByte(
        string family, string sizeOption, string size, int seed, string prefix)
    {
        // The same arguments as datasets/generate.sh: the committed files must be what the generator makes today.
        string dir = Directory.CreateTempSubdirectory("irregular").FullName;
        var (code, _, stderr) = CliRunner.Run("generate", family, sizeOption, size, "--count", "5",
            "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", dir);
        Assert.True(code == 0, stderr);
        for (int i = 0; i < 5; i++)
        {
            string name = $"{prefix}-{i:000}.json";
            string bundled = Path.Combine(TestData.RepoRoot, "datasets", "irregular", name);
            Assert.Equal(File.ReadAllText(bundled), File.ReadAllText(Path.Combine(dir, name)));
            var g = JsonGraphReader.ReadFile(bundled);
            Assert.InRange(g.OpCount, 100, 600);
            Assert.True(MemoryModel.IsValid(g, Enumerable.Range(0, g.OpCount).ToArray(), out string? message), message);
        }
    }

    [Theory]
    [InlineData("randwire", "--wiring", "er")]
    [InlineData("randwire", "--wiring", "ba")]
    [InlineData("series-parallel", "--nodes", "50")]
    [InlineData("chain", "--nodes", "50")]
    [InlineData("star", "--nodes", "50")]
    [InlineData("fan-in", "--nodes", "50")]
    [InlineData("erdos-renyi", "--nodes", "50")]
    public void Generate_NewFamilyOptions_WriteValidGraphs(string family, string option, string value)
    {
        string dir = Directory.CreateTempSubdirectory("gen").FullName;
        var (code, _, stderr) = CliRunner.Run("generate", family, option, value, "--count", "2", "--out", dir);
        Assert.True(code == 0, stderr);
        var files = Directory.GetFiles(dir, "*.json");
        Assert.Equal(2, files.Length);
        Assert.All(files, f => Assert.True(JsonGraphReader.ReadFile(f).OpCount > 40, f));
    }

    [Fact]
    public void Generate_BadFamilyOption_ExitTwoWithMessage()
    {
        var (code, _, stderr) = CliRunner.Run("generate", "randwire", "--stage-nodes", "3", "--out",
            Directory.CreateTempSubdirectory("gen").FullName);
        Assert.Equal(2, code);
        Assert.Contains("--stage-nodes must be at least 5 for --wiring ws, got 3", stderr);
    }
}
