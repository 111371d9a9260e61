using Scheduler.Pass;
using System.Globalization;
using System.Text;
using Scheduler.Pass.Compare;
using Scheduler.Graphs.Formats;

namespace Scheduler.Reports;

/// <summary>
/// Writes a comparison to a folder: <c>report.md</c>, a self-contained <c>report.html</c>, <c>results.csv</c>,
/// <c>results.json</c> and PNG plots under <c>plots/</c>. Every file is written atomically.
/// </summary>
public static class ReportWriter
{
    /// <summary>Writes all report files; returns the path of report.md.</summary>
    public static string Write(string directory, IReadOnlyList<CompareRow> rows, IReadOnlyList<NamedGraph> graphs, ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(graphs);
        Directory.CreateDirectory(Path.Combine(directory, "plots"));
        var plots = MakePlots(rows, graphs);
        var paths = new List<(string, string)>();
        for (int i = 0; i < plots.Count; i++)
        {
            string name = $"plots/{i:00}-{plots[i].File}.png";
            AtomicFile.WriteAllBytes(Path.Combine(directory, name), plots[i].Png);
            paths.Add((plots[i].Title, name));
        }
        string md = Path.Combine(directory, "report.md");
        AtomicFile.WriteAllText(md, MarkdownReport.Render(rows, context, paths));
        AtomicFile.WriteAllText(Path.Combine(directory, "report.html"), HtmlReport.Render(rows, context, plots.Select(p => (p.Title, p.Png)).ToList()));
        AtomicFile.WriteAllText(Path.Combine(directory, "results.json"), CompareJson.Write(rows));
        AtomicFile.WriteAllText(Path.Combine(directory, "results.csv"), Csv(rows));
        return md;
    }

    private static List<(string Title, string File, byte[] Png)> MakePlots(IReadOnlyList<CompareRow> rows, IReadOnlyList<NamedGraph> graphs)
    {
        var summaries = MethodSummary.From(rows);
        var plots = new List<(string, string, byte[])>
        {
            ("Mean peak / lower bound per method and dataset", "ratio", PlotWriter.RatioByDataset(summaries)),
            ("Median time per method and dataset", "time", PlotWriter.TimeByDataset(summaries)),
        };
        foreach (var dataset in graphs.Select(g => g.Dataset).Distinct())
        {
            var first = graphs.First(g => g.Dataset == dataset);
            var graphRows = rows.Where(r => r.Dataset == dataset && r.Graph == first.Name).ToList();
            plots.Add(($"Memory over the schedule: {first.Name}", $"profile-{Slug(first.Name)}", PlotWriter.MemoryProfile(first, graphRows)));
        }
        return plots;
    }

    private static string Csv(IReadOnlyList<CompareRow> rows)
    {
        var csv = new StringBuilder("dataset,graph,ops,method,peak_bytes,lower_bound_bytes,cut_bound_bytes,resident_bytes,ratio,elapsed_ms,status\n");
        foreach (var r in rows)
        {
            csv.AppendLine(string.Join(',', Quote(r.Dataset), Quote(r.Graph), r.Ops, Quote(r.Method), r.PeakBytes?.ToString(CultureInfo.InvariantCulture) ?? "",
                r.LowerBoundBytes, r.CutBoundBytes, r.ResidentBytes, r.Ratio?.ToString("0.00000", CultureInfo.InvariantCulture) ?? "",
                r.ElapsedMs.ToString("0.###", CultureInfo.InvariantCulture), r.Status.Id()));
        }
        return csv.ToString();
    }

    private static string Quote(string s) => s.Contains(',', StringComparison.Ordinal) || s.Contains('"', StringComparison.Ordinal) ? $"\"{s.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : s;

    private static string Slug(string s) => new(s.Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray());
}
