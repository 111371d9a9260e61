using Scheduler.Pass;
using Scheduler.Pass.Compare;

namespace Scheduler.Reports;

/// <summary>A titled table of strings, rendered to Markdown (and through it HTML) or to the console.</summary>
/// <param name="Title">Heading above the table.</param>
/// <param name="Header">Column names; a trailing ':' right-aligns the column.</param>
/// <param name="Rows">Cells (plain text).</param>
public sealed record ReportTable(string Title, IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows)
{
    /// <summary>The headline: one row per dataset (<see cref="DatasetHeadline"/>).</summary>
    public static ReportTable Headline(IReadOnlyList<DatasetHeadline> headlines)
    {
        ArgumentNullException.ThrowIfNull(headlines);
        var cells = headlines.Select(h => new[]
        {
            h.Dataset, $"{h.Graphs}",
            h.Winner is null ? "—" : h.TiedWith.Count == 0 ? h.Winner : $"{h.Winner} (tied: {string.Join(", ", h.TiedWith)})",
            Format.Change(h.WinnerMeanRatio - 1),
            h.BestHeuristic is null ? "—" : $"{Format.Change(h.WinnerVsHeuristic)} ({h.BestHeuristic})",
            Format.Change(h.WinnerVsInput), $"{h.ProvenGraphs}/{h.Graphs}", Format.Duration(h.WinnerMedianMs),
            h.Pass is null ? "—" : Format.Change(h.Pass.MeanRatio - 1), Format.Change(h.PassVsInput),
            h.Pass is null ? "—" : Format.Duration(h.Pass.MedianMs),
        }).ToList();
        return new ReportTable("Headline",
            ["dataset", "graphs:", "winner", "gap to bound:", "vs best heuristic:", "vs file order:", "proven optimal:", "time / graph:",
             "pass: gap to bound:", "pass vs file order:", "pass: time / graph:"], cells);
    }

    /// <summary>One table per dataset, methods sorted by mean peak / LB (methods that ran on no graph last).</summary>
    public static IReadOnlyList<ReportTable> Summaries(IReadOnlyList<MethodSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        var tables = new List<ReportTable>();
        foreach (var group in summaries.GroupBy(s => s.Dataset))
        {
            int graphs = group.Max(s => s.Graphs);
            var cells = group
                .OrderBy(s => double.IsNaN(s.MeanRatio) ? double.MaxValue : s.MeanRatio)
                .Select(s => new[]
                {
                    s.Method, $"{s.Ran}/{s.Graphs}", Format.Ratio(s.MeanRatio), Format.Ratio(s.MedianRatio),
                    s.StrictWins is int w ? $"{w}" : "—", s.Ties is int t ? $"{t}" : "—", $"{s.Optimal}",
                    Format.Duration(s.MedianMs), $"{s.Failed}", $"{s.Skipped}",
                })
                .ToList();
            tables.Add(new ReportTable($"{group.Key} ({graphs} graphs)",
                ["method", "ran on:", "mean peak / LB:", "median peak / LB:", "strict wins:", "ties:", "proven optimal:", "median time:", "failed:", "skipped:"], cells));
        }
        return tables;
    }

    /// <summary>Mean peak / LB of every method (rows) on every dataset (columns); "(n)" marks a mean over fewer graphs
    /// than the dataset holds.</summary>
    public static ReportTable RatioMatrix(IReadOnlyList<MethodSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        var datasets = summaries.Select(s => s.Dataset).Distinct().ToList();
        var header = new List<string> { "method" };
        header.AddRange(datasets.Select(d => $"{d} ({summaries.Where(s => s.Dataset == d).Max(s => s.Graphs)}):"));
        var cells = summaries.Select(s => s.Method).Distinct().Select(m =>
        {
            var row = new List<string> { m };
            foreach (string d in datasets)
            {
                var s = summaries.FirstOrDefault(x => x.Dataset == d && x.Method == m);
                row.Add(s is null || s.Ran == 0 ? "—" : s.RanOnAll ? Format.Ratio(s.MeanRatio) : $"{Format.Ratio(s.MeanRatio)} ({s.Ran})");
            }
            return row.ToArray();
        }).ToList();
        return new ReportTable("Mean peak / LB per method and dataset", header, cells);
    }

    /// <summary>Every (graph, method) row: for the console on small runs; reports put these in results.csv.</summary>
    public static ReportTable AllRows(IReadOnlyList<CompareRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var cells = rows.Select(r => new[]
        {
            r.Dataset, r.Graph, $"{r.Ops}", r.Method, Format.Bytes(r.PeakBytes), Format.Bytes(r.BestLowerBound),
            Format.Ratio(r.Ratio), Format.Ms(r.ElapsedMs), r.Message is null ? r.Status.Id() : $"{r.Status.Id()} ({r.Message})",
        }).ToList();
        return new ReportTable("All results", ["dataset", "graph", "ops:", "method", "peak:", "LB:", "peak / LB:", "time (ms):", "status"], cells);
    }
}
