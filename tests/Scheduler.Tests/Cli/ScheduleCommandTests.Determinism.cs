using System.Text.Json.Nodes;
using Scheduler.Testing;

namespace Scheduler.Tests.Cli;

public partial class ScheduleCommandTests
{
    /// <summary>The --json object without its wall-clock fields, which are the only thing allowed to differ.</summary>
    private static string WithoutTimes(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        root.Remove("elapsed_ms");
        foreach (var c in root["candidates"]?.AsArray() ?? [])
        {
            c!.AsObject().Remove("elapsed_ms");
            // Messages of capped runs may quote wall times; a capped run fails the test below anyway.
        }
        return root.ToJsonString();
    }

    [Theory]
    [InlineData("layered-100", "layered-100-003.json")]
    [InlineData("irregular", "series-parallel-400-000.json")]
    public void Schedule_BestTwiceOnceUnderLoad_SameOrderFileAndSameJson(string dataset, string file)
    {
        string src = Path.Combine(TestData.RepoRoot, "datasets", dataset, file);
        string dir = Directory.CreateTempSubdirectory("determinism").FullName;
        string[] Args(string name) => ["schedule", src, "--json", "--effort", "0.05", "--out", Path.Combine(dir, name)];
        var quiet = CliRunner.Run(Args("quiet.txt"));
        Assert.True(quiet.Code == 0, quiet.Err);
        // A CPU hog on every core while the second run goes: budgets are counts of work, so the load changes nothing.
        using var stop = new CancellationTokenSource();
        var hogs = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => new Thread(() =>
        {
            double x = 1;
            while (!stop.IsCancellationRequested)
            {
                x = Math.Sqrt(x + 1);
            }
        }) { IsBackground = true }).ToArray();
        foreach (var hog in hogs)
        {
            hog.Start();
        }
        var busy = CliRunner.Run(Args("busy.txt"));
        stop.Cancel();
        foreach (var hog in hogs)
        {
            hog.Join();
        }
        Assert.True(busy.Code == 0, busy.Err);
        Assert.DoesNotContain("\"capped\"", quiet.Out);
        Assert.DoesNotContain("\"capped\"", busy.Out);
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "quiet.txt")), File.ReadAllBytes(Path.Combine(dir, "busy.txt")));
        Assert.Equal(WithoutTimes(quiet.Out), WithoutTimes(busy.Out));
    }
}
