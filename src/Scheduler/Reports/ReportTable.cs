using Scheduler.Pass;
using Scheduler.Pass.Compare;

namespace Scheduler.Reports;

/// <summary>A titled table of strings, rendered to Markdown or HTML by the report writers.</summary>
/// <param name="Title">Heading above the table.</param>
/// <param name="Header">Column names; a trailing ':' right-aligns the column.</param>
/// <param name="Rows">Cells.</param>
public sealed record ReportTable(string Title, IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows)
{
    /// <summary>One summary table per dataset, methods sorted by mean ratio.</summary>
    public static IReadOnlyList<ReportTable> Summaries(IReadOnlyList<CompareRow> rows)
    {
        var tables = new List<ReportTable>();
        foreach (var dataset in rows.Select(r => r.Dataset).Distinct())
        {
            var summaries = MethodSummary.From(rows.Where(r => r.Dataset == dataset).ToList());
            int graphs = summaries.Count == 0 ? 0 : summaries.Max(s => s.Graphs + s.Failed);
            var cells = summaries
                .OrderBy(s => double.IsNaN(s.MeanRatio) ? double.MaxValue : s.MeanRatio)
                .Select(s => new[]
                {
                    s.Method, Format.Ratio(s.MeanRatio), Format.Ratio(s.MedianRatio), $"{s.Wins}", Format.Ms(s.MedianMs),
                    $"{s.Optimal}", $"{s.Failed}",
                })
                .ToList();
            tables.Add(new ReportTable($"{dataset} ({graphs} graphs)",
                ["method", "mean peak / LB:", "median peak / LB:", "wins:", "median time (ms):", "proven optimal:", "failed or skipped:"], cells));
        }
        return tables;
    }

    /// <summary>Every (graph, method) row.</summary>
    public static ReportTable AllRows(IReadOnlyList<CompareRow> rows)
    {
        var cells = rows.Select(r => new[]
        {
            r.Dataset, r.Graph, $"{r.Ops}", r.Method, Format.Bytes(r.PeakBytes), Format.Bytes(r.BestLowerBound),
            Format.Ratio(r.Ratio), Format.Ms(r.ElapsedMs), r.Message is null ? r.Status.Id() : $"{r.Status.Id()} ({r.Message})",
        }).ToList();
        return new ReportTable("All results", ["dataset", "graph", "ops:", "method", "peak:", "LB:", "peak / LB:", "time (ms):", "status"], cells);
    }
}
