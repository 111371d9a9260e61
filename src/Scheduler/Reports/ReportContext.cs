using Scheduler.Pass.Compare;

namespace Scheduler.Reports;

/// <summary>How a comparison was run, printed at the top of its report.</summary>
/// <param name="Command">The command line.</param>
/// <param name="StartedUtc">When it started.</param>
/// <param name="TimeLimitSeconds">Time limit per search/exact method.</param>
/// <param name="Seed">Seed used by randomised methods.</param>
/// <param name="MemoryModel">Name of the memory model the peaks use ("default" or "in-place").</param>
public sealed record ReportContext(string Command, DateTime StartedUtc, double TimeLimitSeconds, int Seed, string MemoryModel = "default")
{
    /// <summary>The bullet lines at the top of a report.</summary>
    public IEnumerable<string> Describe(IReadOnlyList<CompareRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        yield return $"Run: {StartedUtc:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores: `{Command}`";
        yield return $"Graphs: {rows.Select(r => (r.Dataset, r.Graph)).Distinct().Count()}; methods: {string.Join(", ", rows.Select(r => r.Method).Distinct())}";
        yield return $"Time limit per search/exact method: {TimeLimitSeconds} s; seed {Seed}";
        yield return MemoryModel == "default"
            ? "Memory model: docs/DESIGN.md §2 (peak of live non-resident bytes)."
            : $"Memory model: docs/DESIGN.md §2 with the '{MemoryModel}' option; the bounds below are the default model's, so a ratio may fall under 1.";
        yield return "LB = max(working-set bound, cut bound); "
            + "ratio = peak / LB (1.000 means provably optimal). `best` = the pass itself (its portfolio under the same options: its peak, proof and wall time); `oracle` = lowest peak among the other rows of the graph (input wins ties), time = their sum.";
    }
}
