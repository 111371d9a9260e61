using Markdig;

namespace Scheduler.Reports;

/// <summary>
/// The comparison report as one self-contained HTML file: the Markdown report rendered by Markdig (so code spans,
/// emphasis, links and tables render instead of showing their syntax), with the plots embedded as base64 PNG data URIs.
/// </summary>
public static class HtmlReport
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    private const string Style =
        "body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1280px;padding:0 1em;line-height:1.45;color:#222}"
        + "table{border-collapse:collapse;margin:0.5em 0 1.5em}td,th{border:1px solid #ccc;padding:3px 8px}th{background:#eee}"
        + "tr:nth-child(even) td{background:#fafafa}code{background:#f2f2f2;padding:0 3px;border-radius:3px}"
        + "img{max-width:100%;border:1px solid #ddd}h2{border-bottom:1px solid #ddd;margin-top:2em}";

    /// <summary>Renders the report.</summary>
    public static string Render(ReportData data, ReportContext context, IReadOnlyList<ReportPlot> plots)
    {
        string markdown = MarkdownReport.Render(data, context, plots, p => $"data:image/png;base64,{Convert.ToBase64String(p.Png)}");
        return FromMarkdown(markdown, "Scheduler comparison report");
    }

    /// <summary>One HTML page from <paramref name="markdown"/>.</summary>
    public static string FromMarkdown(string markdown, string title)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + System.Net.WebUtility.HtmlEncode(title) + "</title><style>"
            + Style + "</style></head><body>\n" + Markdown.ToHtml(markdown, Pipeline) + "</body></html>\n";
    }
}
