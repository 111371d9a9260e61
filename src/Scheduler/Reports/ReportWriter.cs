using System.Globalization;
using System.Text;
using Scheduler.Graphs;
using Scheduler.Graphs.Formats;
using Scheduler.Pass;
using Scheduler.Pass.Compare;
using Scheduler.Reports.Plots;

namespace Scheduler.Reports;

/// <summary>
/// Writes a comparison to a folder: <c>report.md</c>, a self-contained <c>report.html</c>, <c>results.csv</c> (every
/// row), <c>results.json</c> (summaries and rows without orders), <c>orders.json</c> and PNG plots under
/// <c>plots/</c>. Every file is written atomically.
/// </summary>
public static class ReportWriter
{
    /// <summary>Writes all report files; returns the path of report.md.</summary>
    public static string Write(string directory, IReadOnlyList<CompareRow> rows, IReadOnlyList<NamedGraph> graphs, ReportContext context, MemoryModelOptions? memory = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(graphs);
        ArgumentNullException.ThrowIfNull(context);
        var data = ReportData.From(rows);
        Directory.CreateDirectory(Path.Combine(directory, "plots"));
        var plots = MakePlots(data, graphs, memory ?? MemoryModelOptions.Default);
        foreach (var plot in plots)
        {
            AtomicFile.WriteAllBytes(Path.Combine(directory, plot.File), plot.Png);
        }
        string md = Path.Combine(directory, "report.md");
        AtomicFile.WriteAllText(md, MarkdownReport.Render(data, context, plots, p => p.File));
        AtomicFile.WriteAllText(Path.Combine(directory, "report.html"), HtmlReport.Render(data, context, plots));
        AtomicFile.WriteAllText(Path.Combine(directory, "results.json"), ReportJson.Write(data, context));
        AtomicFile.WriteAllText(Path.Combine(directory, "orders.json"), ReportJson.Orders(data));
        AtomicFile.WriteAllText(Path.Combine(directory, "results.csv"), Csv(rows));
        if (rows.Any(r => r.Trace is not null))
        {
            AtomicFile.WriteAllText(Path.Combine(directory, "anytime.csv"), AnytimeCsv(rows));
        }
        return md;
    }

    /// <summary>The plots of a report: ratio panels, times, and one memory profile per dataset.</summary>
    public static IReadOnlyList<ReportPlot> MakePlots(ReportData data, IReadOnlyList<NamedGraph> graphs, MemoryModelOptions memory)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(graphs);
        string series = string.Join(", ", PlotSeries.Methods.Select(s => s.Method is null ? "the best cheap heuristic of each dataset" : $"`{s.Method}`"));
        var plots = new List<ReportPlot>
        {
            new("Mean peak / lower bound", "plots/00-ratio.png", RatioPlot.Render(data),
                $"One panel per dataset, each with its own scale; bars start at the bound (dashed, 1 = provably optimal), so a shorter bar is better. Methods drawn: {series} "
                + "(the per-dataset tables below have all of them). A method that did not run on every graph of a dataset has no bar there."),
            new("Median time per graph", "plots/01-time.png", TimePlot.Render(data),
                "Log scale, one point per method and dataset; the median is over the graphs a method ran on, so skipped runs are absent rather than drawn as fast. "
                + "The best heuristic's point is the one named in the ratio panels."),
        };
        if (data.Anytime.Count > 0)
        {
            plots.Add(new("Anytime: peak against work", "plots/02-anytime.png", AnytimePlot.Render(data.Anytime, ReportData.AnytimeUnit),
                "`local`'s best peak so far over the lower bound, averaged over each dataset's graphs, against the scored moves it had spent "
                + "(log scale; its start order at the left). Flat stretches are budget that bought nothing; a run that ended early keeps its final peak."));
        }
        foreach (string dataset in data.Results.Datasets)
        {
            var graph = ProfilePlot.Pick(data, dataset, graphs);
            plots.Add(new($"Memory over the schedule: {graph.Name}", $"plots/{plots.Count:00}-profile-{Slug(graph.Name)}.png", ProfilePlot.Render(data, graph, memory),
                $"The graph of {dataset} where the pass gains most over the file order; live memory after each step of the file order, the dataset's best heuristic and the pass, with the lower bound dashed."));
        }
        return plots;
    }

    private static string Csv(IReadOnlyList<CompareRow> rows)
    {
        // The arena columns appear only when the run planned arenas (compare --arena), so other runs' files are unchanged.
        bool arena = rows.Any(r => r.ArenaBytes is not null);
        var csv = new StringBuilder("dataset,graph,ops,method,peak_bytes,lower_bound_bytes,cut_bound_bytes,closure_bound_bytes,resident_bytes,ratio,elapsed_ms,status,message");
        csv.Append(arena ? ",arena_bytes,arena_strategy,arena_proven,fragmentation,arena_ms\n" : "\n");
        foreach (var r in rows)
        {
            csv.Append(string.Join(',', Quote(r.Dataset), Quote(r.Graph), r.Ops, Quote(r.Method), r.PeakBytes?.ToString(CultureInfo.InvariantCulture) ?? "",
                r.LowerBoundBytes, r.CutBoundBytes, r.ClosureBoundBytes, r.ResidentBytes, r.Ratio?.ToString("0.00000", CultureInfo.InvariantCulture) ?? "",
                r.ElapsedMs.ToString("0.###", CultureInfo.InvariantCulture), r.Status.Id(), Quote(r.Message ?? "")));
            if (arena)
            {
                csv.Append(',').Append(string.Join(',', r.ArenaBytes?.ToString(CultureInfo.InvariantCulture) ?? "", r.ArenaStrategy ?? "",
                    r.ArenaProven is bool proven ? (proven ? "true" : "false") : "", r.Fragmentation?.ToString("0.00000", CultureInfo.InvariantCulture) ?? "",
                    r.ArenaMs?.ToString("0.###", CultureInfo.InvariantCulture) ?? ""));
            }
            csv.AppendLine();
        }
        return csv.ToString();
    }

    /// <summary>One line per point of every row's anytime curve.</summary>
    private static string AnytimeCsv(IReadOnlyList<CompareRow> rows)
    {
        var csv = new StringBuilder("dataset,graph,method,work,elapsed_ms,peak_bytes,ratio\n");
        foreach (var r in rows.Where(r => r.Trace is not null))
        {
            foreach (var p in r.Trace!)
            {
                string ratio = r.BestLowerBound > 0 ? ((double)p.PeakBytes / r.BestLowerBound).ToString("0.00000", CultureInfo.InvariantCulture) : "";
                csv.Append(string.Join(',', Quote(r.Dataset), Quote(r.Graph), Quote(r.Method), p.Work,
                    p.ElapsedMs.ToString("0.###", CultureInfo.InvariantCulture), p.PeakBytes, ratio)).Append('\n');
            }
        }
        return csv.ToString();
    }

    private static string Quote(string s)
        => s.AsSpan().IndexOfAny(",\"\n") >= 0 ? $"\"{s.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : s;

    private static string Slug(string s) => new(s.Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray());
}
