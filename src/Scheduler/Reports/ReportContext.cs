using Scheduler.Pass.Compare;

namespace Scheduler.Reports;

/// <summary>How a comparison was run, printed at the top of its report.</summary>
/// <param name="Command">The command line.</param>
/// <param name="StartedUtc">When it started.</param>
/// <param name="TimeLimitSeconds">Wall-clock safety cap per method.</param>
/// <param name="Seed">Seed used by randomised methods.</param>
/// <param name="MemoryModel">Name of the memory model the peaks use (one of <see cref="Scheduler.Graphs.MemoryModelOptions.Names"/>).</param>
/// <param name="Elapsed">How long the whole comparison took (null when not measured).</param>
/// <param name="LoadAtStart">The 1-, 5- and 15-minute load averages when it started (null where unknown).</param>
/// <param name="LoadAtEnd">The same when it ended.</param>
public sealed record ReportContext(
    string Command, DateTime StartedUtc, double TimeLimitSeconds, int Seed, string MemoryModel = "default",
    TimeSpan? Elapsed = null, string? LoadAtStart = null, string? LoadAtEnd = null)
{
    /// <summary>The offset planning of <c>compare --arena</c>, or null when the run planned no arenas.</summary>
    public CompareArena? Arena { get; init; }

    /// <summary>The load averages of this machine ("1.36 0.89 0.37", from /proc/loadavg), or null where there is none.</summary>
    public static string? ReadLoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The bullet lines at the top of a report (Markdown).</summary>
    public IEnumerable<string> Describe(ReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var results = data.Results;
        string took = Elapsed is TimeSpan e ? $", took {Format.Duration(e.TotalMilliseconds)}" : "";
        yield return $"Run: {StartedUtc:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores{took}: `{Command}`";
        if (LoadAtStart is not null)
        {
            yield return $"Machine load (1/5/15-minute load averages): {LoadAtStart} at the start, {LoadAtEnd ?? "unknown"} at the end. "
                + "Times are wall-clock medians and grow with the load; peaks do not depend on it (work budgets are counts).";
        }
        yield return $"Graphs: {results.Datasets.Sum(d => results.Graphs(d).Count)} in {results.Datasets.Count} datasets; methods: {string.Join(", ", results.Methods.Select(m => $"`{m}`"))}";
        yield return $"Safety cap per method: {TimeLimitSeconds} s of wall clock; seed {Seed}";
        yield return MemoryModel == "default"
            ? "Memory model: docs/DESIGN.md §2 (peak of live non-resident bytes)."
            : $"Memory model: docs/DESIGN.md §2 with the '{MemoryModel}' option; every method ordered for it and the bounds hold under it.";
        if (Arena is not null)
        {
            string aligned = Arena.Alignment > 1 ? $", offsets aligned to {Arena.Alignment} B" : "";
            yield return $"Arena: every row's order also had its buffer offsets planned (`--arena {Arena.Strategy}`{aligned}; docs/DESIGN.md §2.1); "
                + "**arena / peak** is the arena over the live peak of the same order, 1 = no fragmentation.";
        }
    }
}
