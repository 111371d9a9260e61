using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Scheduler.Graphs;

namespace Scheduler.Build.Planner.Tests;

/// <summary>Runs the planner (in process or as the exe the targets run) and reads plan files back.</summary>
public static class PlanFiles
{
    private static readonly ConcurrentDictionary<string, Lazy<(BuildPlan, JsonElement)>> Cache = new(StringComparer.Ordinal);

    /// <summary>Plans <paramref name="graphPath"/> with extra command-line <paramref name="options"/> in process (once
    /// per graph and options: several tests read the same plan).</summary>
    public static (BuildPlan Plan, JsonElement Json) Plan(string graphPath, params string[] options)
        => Cache.GetOrAdd(string.Join("\0", [graphPath, .. options]), _ => new(() =>
        {
            var request = PlanRequest.Parse([graphPath, "--out", "unused.plan.json", .. options]);
            var plan = GraphPlanner.Plan(request);
            using var doc = JsonDocument.Parse(PlanJson.Write(plan));
            return (plan, doc.RootElement.Clone());
        })).Value;

    /// <summary>Runs the planner exe as the targets do (<c>dotnet exec</c>); returns its exit code, output and the plan file.</summary>
    public static (int ExitCode, string Output, JsonElement? Plan) Exec(string graphPath, params string[] options)
    {
        string plan = Path.Combine(Path.GetTempPath(), $"planner-test-{Guid.NewGuid():N}.plan.json");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string a in (string[])["exec", Path.Combine(AppContext.BaseDirectory, "Scheduler.Build.Planner.dll"), graphPath, "--out", plan, .. options])
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (!File.Exists(plan))
        {
            return (process.ExitCode, output, null);
        }
        using var doc = JsonDocument.Parse(File.ReadAllText(plan));
        File.Delete(plan);
        return (process.ExitCode, output, doc.RootElement.Clone());
    }

    /// <summary>The plan's order as dense op indices of <paramref name="graph"/>.</summary>
    public static int[] Order(ComputationGraph graph, JsonElement plan)
        => [.. plan.GetProperty("order").EnumerateArray().Select(id => graph.TryGetOp(id.GetInt64(), out int op) ? op : throw new InvalidOperationException($"unknown id {id}"))];
}
