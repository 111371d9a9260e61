using System.Globalization;
using CsCheck;
using Scheduler.Testing;

namespace Scheduler.Tests.Cli;

/// <summary>
/// The CLI's contract for bad input: exit code 2 and exactly one line on stderr that names the flag, key or file at
/// fault, never an internal error, a stack trace or a .NET type name. This part: numeric flags. Other parts: files,
/// configs, checkpoints, outputs.
/// </summary>
[Collection("cli")]
public partial class BadInputTests
{
    private static readonly string Golden = Path.Combine(TestData.RepoRoot, "tests", "golden", "golden-000-layered-20.json");

    /// <summary>Asserts the contract and that the line contains every one of <paramref name="expected"/>.</summary>
    internal static void AssertBadInput((int Code, string Out, string Err) run, params string[] expected)
    {
        Assert.True(run.Code == 2, $"exit {run.Code}, stderr: {run.Err}");
        string[] lines = run.Err.TrimEnd('\n').Split('\n');
        Assert.True(lines.Length == 1, $"expected one line on stderr, got {lines.Length}: {run.Err}");
        Assert.StartsWith("scheduler: ", lines[0]);
        Assert.DoesNotContain("internal error", run.Err);
        Assert.DoesNotContain("System.", run.Err);
        Assert.DoesNotContain("Nullable`1", run.Err);
        Assert.DoesNotContain(" at Scheduler.", run.Err);
        foreach (string e in expected)
        {
            Assert.Contains(e, run.Err);
        }
    }

    [Theory]
    [InlineData("--time-limit", "nan", "--time-limit must be a number in (0, 10000000], got NaN")]
    [InlineData("--time-limit", "Infinity", "--time-limit must be a number in (0, 10000000], got Infinity")]
    [InlineData("--time-limit", "1e300", "got 1E+300")]
    [InlineData("--time-limit", "0", "--time-limit must be")]
    [InlineData("--time-limit", "-1", "--time-limit must be")]
    [InlineData("--effort", "0", "--effort must be a number in (0, 1000000], got 0")]
    [InlineData("--effort", ".nan", "--effort must be")]
    [InlineData("--parallelism", "0", "--parallelism must be an integer from 1 to 4096, got 0")]
    [InlineData("--beam-width", "0", "--beam-width must be an integer from 1 to 100000, got 0")]
    [InlineData("--samples", "0", "--samples must be an integer from 1 to 1000000, got 0")]
    [InlineData("--temperature", "0", "--temperature must be a number in (0, 100], got 0")]
    [InlineData("--temperature", "-1", "--temperature must be a number in (0, 100], got -1")]
    [InlineData("--temperature", "inf", "--temperature must be a number in (0, 100], got Infinity")]
    [InlineData("--memory-weight", "-0.5", "--memory-weight must be a number in [0, 1000], got -0.5")]
    [InlineData("--memory-weight", "nan", "--memory-weight must be a number in [0, 1000], got NaN")]
    [InlineData("--samples", "-3", "--samples must be an integer from 1 to 1000000, got -3")]
    [InlineData("--samples", "abc", "--samples must be an integer from 1 to 1000000, got 'abc'")]
    [InlineData("--samples", "1.5", "--samples must be an integer from 1 to 1000000, got 1.5")]
    [InlineData("--seed", "1e10", "--seed must be an integer from -2147483648 to 2147483647")]
    [InlineData("--seed", "99999999999999999999", "--seed must be")]
    [InlineData("--unknown-size", "-1", "--unknown-size must be an integer from 0 to")]
    public void Schedule_BadNumericFlag_ExitTwoNamingFlagAndRange(string flag, string value, string expected)
        => AssertBadInput(CliRunner.Run("schedule", Golden, "--method", "input", flag, value), expected);

    [Theory]
    [InlineData("--samples", "0")]
    [InlineData("--time-limit", "nan")]
    [InlineData("--beam-width", "-1")]
    public void Compare_BadNumericFlag_ExitTwoBeforeLoadingGraphs(string flag, string value)
        => AssertBadInput(CliRunner.Run("compare", "no-such-file.json", "--methods", "bfs", flag, value), flag);

    [Theory]
    [InlineData("layered", "--edge-density", "-1", "--edge-density must be a number in [0, 1], got -1")]
    [InlineData("erdos-renyi", "--edge-density", "1.5", "--edge-density must be a number in [0, 1], got 1.5")]
    [InlineData("layered", "--skip-density", "2", "--skip-density must be a number in [0, 1], got 2")]
    [InlineData("layered", "--node-spread", "nan", "--node-spread must be a number in [0, 10], got NaN")]
    [InlineData("series-parallel", "--parallel-probability", "-0.5", "--parallel-probability must be")]
    [InlineData("layered", "--nodes", "0", "--nodes must be an integer from 1 to 1000000, got 0")]
    [InlineData("layered", "--nodes", "2147483647", "--nodes must be")]
    [InlineData("layered", "--count", "0", "--count must be an integer from 1 to 100000, got 0")]
    [InlineData("nas-cell", "--cells", "0", "--cells must be an integer from 1 to 10000, got 0")]
    [InlineData("randwire", "--stage-nodes", "1", "--stage-nodes must be an integer from 2 to 100000, got 1")]
    [InlineData("randwire", "--stage-nodes", "3", "--stage-nodes must be at least 5 for --wiring ws, got 3")]
    [InlineData("layered", "--seed", "2147483647", "--seed 2147483647 with --count 2")]
    public void Generate_BadRange_ExitTwoNothingWritten(string family, string flag, string value, string expected)
    {
        string dir = Directory.CreateTempSubdirectory("gen-bad").FullName;
        string[] count = flag == "--count" ? [] : ["--count", "2"];
        AssertBadInput(CliRunner.Run(["generate", family, flag, value, .. count, "--out", dir]), expected);
        Assert.Empty(Directory.GetFiles(dir));
    }

    [Theory]
    [InlineData("--dtype-bytes", "0", "--dtype-bytes must be an integer from 1 to 16, got 0")]
    [InlineData("--seq", "0", "--seq must be an integer from 1 to 10000000, got 0")]
    [InlineData("--context", "-1", "--context must be")]
    public void ModelsExport_BadSize_ExitTwo(string flag, string value, string expected)
    {
        string output = Path.Combine(Directory.CreateTempSubdirectory("export-bad").FullName, "m.json");
        AssertBadInput(CliRunner.Run("models", "export", "llama2-7b-chat", flag, value, "--out", output), expected);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData(new[] { "schedule", "GOLDEN", "--time-limt", "3" }, "unknown option '--time-limt' (did you mean '--time-limit'?)")]
    [InlineData(new[] { "schedule", "GOLDEN", "--beamwidth", "3" }, "(did you mean '--beam-width'?)")]
    [InlineData(new[] { "schedule", "GOLDEN", "-m", "locl" }, "unknown method 'locl' (did you mean 'local'?)")]
    [InlineData(new[] { "schedule", "GOLDEN", "-m", "lpfm" }, "(did you mean 'lpmf'?)")]
    [InlineData(new[] { "compare", "GOLDEN", "--methods", "bfs,lcoal" }, "--methods: unknown method 'lcoal' (did you mean 'local'?)")]
    [InlineData(new[] { "schedul", "GOLDEN" }, "unknown command 'schedul' (did you mean 'schedule'?)")]
    [InlineData(new[] { "generate", "layerd" }, "layerd")]
    [InlineData(new[] { "schedule", "GOLDEN", "-m", "zzzzzz" }, "unknown method 'zzzzzz'; known methods: best, input")]
    public void Typo_ExitTwoWithSuggestion(string[] args, string expected)
        => AssertBadInput(CliRunner.Run(args.Select(a => a == "GOLDEN" ? Golden : a).ToArray()), expected);

    /// <summary>Any text at all given to a numeric flag either runs (exit 0) or is refused with one line naming the flag.</summary>
    [Fact]
    public void Schedule_RandomTextForNumericFlags_ExitZeroOrTwoNamingFlag()
    {
        string[] flags = ["--seed", "--samples", "--time-limit", "--effort", "--parallelism", "--beam-width", "--unknown-size"];
        var special = Gen.OneOf("nan", ".nan", "Infinity", "-.inf", "1e300", "-0", "0x10", "1_000", " 5 ", "", "9223372036854775808");
        var value = Gen.Frequency<string>(
            (3, Gen.String[0, 12]),
            (2, Gen.Double.Select(d => d.ToString("R", CultureInfo.InvariantCulture))),
            (2, Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture))),
            (3, Gen.Int[-3, 70].Select(i => i.ToString(CultureInfo.InvariantCulture))),
            (2, special));
        Gen.Select(Gen.Int[0, flags.Length - 1], value).Sample((f, v) =>
        {
            var run = CliRunner.Run("schedule", Golden, "--method", "input", $"{flags[f]}={v}");
            if (run.Code != 0)
            {
                AssertBadInput(run, flags[f]);
            }
        }, iter: 300, threads: 1);
    }
}
