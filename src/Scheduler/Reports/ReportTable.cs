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

    /// <summary>One table per dataset, methods sorted by mean peak / LB (methods that ran on no graph last); with
    /// arenas (<c>compare --arena</c>) a "mean arena / peak" column after the ratios.</summary>
    public static IReadOnlyList<ReportTable> Summaries(IReadOnlyList<MethodSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        bool arena = summaries.Any(s => s.MeanArenaRatio is not null);
        var tables = new List<ReportTable>();
        foreach (var group in summaries.GroupBy(s => s.Dataset))
        {
            int graphs = group.Max(s => s.Graphs);
            var cells = group
                .OrderBy(s => double.IsNaN(s.MeanRatio) ? double.MaxValue : s.MeanRatio)
                .Select(s => WithArena(arena, 4, [
                    s.Method, $"{s.Ran}/{s.Graphs}", Format.Ratio(s.MeanRatio), Format.Ratio(s.MedianRatio),
                    s.StrictWins is int w ? $"{w}" : "—", s.Ties is int t ? $"{t}" : "—", $"{s.Optimal}",
                    Format.Duration(s.MedianMs), $"{s.Failed}", $"{s.Skipped}",
                ], Format.Ratio(s.MeanArenaRatio)))
                .ToList();
            tables.Add(new ReportTable($"{group.Key} ({graphs} graphs)", WithArena(arena, 4,
                ["method", "ran on:", "mean peak / LB:", "median peak / LB:", "strict wins:", "ties:", "proven optimal:", "median time:", "failed:", "skipped:"],
                "mean arena / peak:"), cells));
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

    /// <summary>The anytime curves at a few work counts: the start orders, each power of ten from 10,000 that some run
    /// reached, and the end (the most work a run spent); one row per dataset and method.</summary>
    public static ReportTable Anytime(IReadOnlyList<AnytimeCurve> curves, string unit)
    {
        ArgumentNullException.ThrowIfNull(curves);
        long most = curves.Count == 0 ? 0 : curves.Max(c => c.Work[^1]);
        var columns = new List<long> { 0 };
        for (long w = 10_000; w < most; w *= 10)
        {
            columns.Add(w);
        }
        var header = new List<string> { "dataset", "method", "graphs:", "start:" };
        header.AddRange(columns.Skip(1).Select(w => $"{w:N0}:"));
        header.AddRange(["end:", "end vs start:"]);
        var cells = curves.Select(c =>
        {
            var row = new List<string> { c.Dataset, c.Method, $"{c.Graphs}" };
            row.AddRange(columns.Select(w => Format.Ratio(c.MeanAt(w))));
            row.Add($"{Format.Ratio(c.MeanRatio[^1])} ({c.Work[^1]:N0})");
            row.Add(Format.Change(c.MeanRatio[^1] / c.MeanRatio[0] - 1));
            return row.ToArray();
        }).ToList();
        return new ReportTable($"Anytime: mean peak / LB after so many {unit}", header, cells);
    }

    /// <summary>Every (graph, method) row: for the console on small runs; reports put these in results.csv.</summary>
    public static ReportTable AllRows(IReadOnlyList<CompareRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        bool arena = rows.Any(r => r.ArenaBytes is not null);
        var cells = rows.Select(r => WithArena(arena, 5, [
            r.Dataset, r.Graph, $"{r.Ops}", r.Method, Format.Bytes(r.PeakBytes), Format.Bytes(r.BestLowerBound),
            Format.Ratio(r.Ratio), Format.Ms(r.ElapsedMs), r.Message is null ? r.Status.Id() : $"{r.Status.Id()} ({r.Message})",
        ], r.ArenaBytes is long a ? $"{Format.Bytes(a)}{(r.ArenaProven == true ? " (proven)" : "")}" : "—")).ToList();
        return new ReportTable("All results",
            WithArena(arena, 5, ["dataset", "graph", "ops:", "method", "peak:", "LB:", "peak / LB:", "time (ms):", "status"], "arena:"), cells);
    }

    /// <summary><paramref name="cells"/> with <paramref name="cell"/> inserted at <paramref name="at"/> when
    /// <paramref name="arena"/> (the run planned arenas), else unchanged: the arena column exists only with the option.</summary>
    private static string[] WithArena(bool arena, int at, string[] cells, string cell)
        => arena ? [.. cells[..at], cell, .. cells[at..]] : cells;
}
