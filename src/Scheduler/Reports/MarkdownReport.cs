using System.Text;

namespace Scheduler.Reports;

/// <summary>
/// The comparison report in Markdown: how it was run, the headline, plots, then tables. The per-graph rows are not
/// in it (results.csv holds them); HTML is rendered from this text (<see cref="HtmlReport"/>), so both say the same.
/// </summary>
public static class MarkdownReport
{
    /// <summary>Renders the report; <paramref name="imageSource"/> gives each plot's image address (its file, or a data URI).</summary>
    public static string Render(ReportData data, ReportContext context, IReadOnlyList<ReportPlot> plots, Func<ReportPlot, string> imageSource)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(plots);
        ArgumentNullException.ThrowIfNull(imageSource);
        var md = new StringBuilder();
        md.AppendLine("# Scheduler comparison report").AppendLine();
        foreach (string line in context.Describe(data))
        {
            md.AppendLine($"- {line}");
        }
        md.AppendLine().AppendLine("## Headline").AppendLine();
        md.AppendLine(OverallHeadline.From(data).Sentence()).AppendLine();
        AppendTable(md, ReportTable.Headline(data.Headlines), heading: false);
        foreach (string line in Legend)
        {
            md.AppendLine($"- {line}");
        }
        md.AppendLine().AppendLine("## Plots").AppendLine();
        foreach (var plot in plots)
        {
            md.AppendLine($"### {plot.Title}").AppendLine();
            md.AppendLine($"![{plot.Title}]({imageSource(plot)})").AppendLine();
            md.AppendLine(plot.Caption).AppendLine();
        }
        md.AppendLine("## Tables").AppendLine();
        AppendTable(md, ReportTable.RatioMatrix(data.Summaries), heading: true);
        md.AppendLine("A number in brackets is how many graphs a method ran on when fewer than all (exact methods run up to 500 ops).").AppendLine();
        foreach (var table in ReportTable.Summaries(data.Summaries))
        {
            AppendTable(md, table, heading: true);
        }
        if (data.Anytime.Count > 0)
        {
            AppendTable(md, ReportTable.Anytime(data.Anytime, ReportData.AnytimeUnit), heading: true);
            md.AppendLine("Each run's best peak once it had spent that much of its budget (its start order at 0); a graph whose run "
                + "ended earlier counts with its final peak. Work is counted, not timed, so these are the same on every machine.").AppendLine();
        }
        md.AppendLine("## Files").AppendLine();
        md.AppendLine("- [results.csv](results.csv): every graph × method (peak, bounds, peak / LB, time, status, message).");
        md.AppendLine("- [results.json](results.json): the run, these summaries and every row, without the orders.");
        md.AppendLine("- [orders.json](orders.json): every row's order (node ids).");
        if (data.Anytime.Count > 0)
        {
            md.AppendLine("- [anytime.csv](anytime.csv): every search run's anytime curve (work, wall ms, best peak so far).");
        }
        return md.ToString();
    }

    /// <summary>What the headline's columns mean.</summary>
    public static IReadOnlyList<string> Legend { get; } =
    [
        "LB = max(working-set, cut, closure bound) (docs/DESIGN.md §2; the closure bound is the least any op's step can hold over every set of ops that could run before it, a minimum cut); peak / LB = 1 means provably optimal. **Gap to bound** = mean peak / LB − 1: an upper bound on the distance to the optimum.",
        "**Winner**: the single method (the file order `input` or a catalog method, not the combinations `best` and `oracle`) with the lowest mean peak / LB among those that ran on every graph of the dataset; equal means go to the faster and the others are listed as tied.",
        "**vs best heuristic** / **vs file order**: the winner's peak relative to that of the dataset's best cheap heuristic (named; a list or DFS scheduler, not `random` sampling) and of `input`, averaged over graphs; −25% means a quarter less memory.",
        "**Proven optimal**: graphs where some method's order is proven optimal (by `exact`, `cpsat`, or a peak that meets the bound).",
        "**Pass**: the `best` row, the real pass (`schedule --method best`: its default portfolio, work budgets and early stop, timed as a whole). `oracle` is the lowest peak of the other rows of a graph, a yardstick that no single run achieves; its time is their sum.",
        "**Strict wins** (per-dataset tables): graphs where a single method's peak is lower than every other single method's; **ties**: graphs where it shares the lowest peak. A tie is not a win. Median times are over the graphs a method ran on; a method skipped everywhere shows a dash.",
    ];

    private static void AppendTable(StringBuilder md, ReportTable table, bool heading)
    {
        if (heading)
        {
            md.AppendLine($"### {table.Title}").AppendLine();
        }
        md.AppendLine("| " + string.Join(" | ", table.Header.Select(h => Escape(h.TrimEnd(':')))) + " |");
        md.AppendLine("|" + string.Concat(table.Header.Select(h => h.EndsWith(':') ? "---:|" : "---|")));
        foreach (var row in table.Rows)
        {
            md.AppendLine("| " + string.Join(" | ", row.Select(Escape)) + " |");
        }
        md.AppendLine();
    }

    private static string Escape(string s)
        => s.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
