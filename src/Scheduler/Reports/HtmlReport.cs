using System.Net;
using System.Text;
using Scheduler.Pass.Compare;

namespace Scheduler.Reports;

/// <summary>The comparison report as one self-contained HTML file (plots embedded as base64 PNG).</summary>
public static class HtmlReport
{
    /// <summary>Renders the report; <paramref name="plots"/> are (title, PNG bytes) pairs.</summary>
    public static string Render(IReadOnlyList<CompareRow> rows, ReportContext context, IReadOnlyList<(string Title, byte[] Png)> plots)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(context);
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Scheduler comparison report</title><style>");
        html.AppendLine("body{font-family:sans-serif;margin:2em;max-width:1200px}table{border-collapse:collapse;margin-bottom:1.5em}"
            + "td,th{border:1px solid #ccc;padding:3px 8px}td.r{text-align:right}th{background:#eee}img{max-width:100%}");
        html.AppendLine("</style></head><body><h1>Scheduler comparison report</h1><ul>");
        foreach (string line in context.Describe(rows))
        {
            html.AppendLine($"<li>{WebUtility.HtmlEncode(line)}</li>");
        }
        html.AppendLine("</ul>");
        foreach (var table in ReportTable.Summaries(rows))
        {
            AppendTable(html, table);
        }
        foreach (var (title, png) in plots)
        {
            html.AppendLine($"<h2>{WebUtility.HtmlEncode(title)}</h2><img alt=\"{WebUtility.HtmlEncode(title)}\" src=\"data:image/png;base64,{Convert.ToBase64String(png)}\">");
        }
        AppendTable(html, ReportTable.AllRows(rows));
        html.AppendLine("</body></html>");
        return html.ToString();
    }

    private static void AppendTable(StringBuilder html, ReportTable table)
    {
        html.AppendLine($"<h2>{WebUtility.HtmlEncode(table.Title)}</h2><table><tr>");
        foreach (string h in table.Header)
        {
            html.Append($"<th>{WebUtility.HtmlEncode(h.TrimEnd(':'))}</th>");
        }
        html.AppendLine("</tr>");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            for (int i = 0; i < row.Length; i++)
            {
                string cls = table.Header[i].EndsWith(':') ? " class=\"r\"" : "";
                html.Append($"<td{cls}>{WebUtility.HtmlEncode(row[i])}</td>");
            }
            html.AppendLine("</tr>");
        }
        html.AppendLine("</table>");
    }
}
