using System.Text;
using Scheduler.Pass.Compare;

namespace Scheduler.Reports;

/// <summary>The comparison report in Markdown: how it was run, per-dataset summaries, plots, and every row.</summary>
public static class MarkdownReport
{
    /// <summary>Renders the report; <paramref name="plots"/> are (title, relative PNG path) pairs.</summary>
    public static string Render(IReadOnlyList<CompareRow> rows, ReportContext context, IReadOnlyList<(string Title, string Path)> plots)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(context);
        var md = new StringBuilder();
        md.AppendLine("# Scheduler comparison report").AppendLine();
        foreach (string line in context.Describe(rows))
        {
            md.AppendLine($"- {line}");
        }
        md.AppendLine();
        foreach (var table in ReportTable.Summaries(rows))
        {
            AppendTable(md, table);
        }
        foreach (var (title, path) in plots)
        {
            md.AppendLine($"![{title}]({path})").AppendLine();
        }
        AppendTable(md, ReportTable.AllRows(rows));
        return md.ToString();
    }

    private static void AppendTable(StringBuilder md, ReportTable table)
    {
        md.AppendLine($"## {table.Title}").AppendLine();
        md.AppendLine("| " + string.Join(" | ", table.Header.Select(h => h.TrimEnd(':'))) + " |");
        md.AppendLine("|" + string.Concat(table.Header.Select(h => h.EndsWith(':') ? "---:|" : "---|")));
        foreach (var row in table.Rows)
        {
            md.AppendLine("| " + string.Join(" | ", row.Select(Escape)) + " |");
        }
        md.AppendLine();
    }

    private static string Escape(string s) => s.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
