using System.Text.Json;
using Scheduler.Pass;
using Scheduler.Reports;
using static Scheduler.Tests.Reports.ReportRows;

namespace Scheduler.Tests.Reports;

public class ReportRenderingTests
{
    private static readonly ReportContext Context = new("scheduler compare --methods input,local", new DateTime(2026, 1, 2, 3, 4, 0, DateTimeKind.Utc), 60, 0,
        Elapsed: TimeSpan.FromSeconds(75), LoadAtStart: "1.00 0.50 0.25", LoadAtEnd: "2.00 1.00 0.50");

    private static ReportData Data() => ReportData.From(
    [
        Row("layered", "g1", "input", 200), Row("layered", "g1", "xla-list", 150), Row("layered", "g1", "local", 120, ms: 800),
        Row("layered", "g1", "exact", 100, ms: 300, status: CandidateStatus.Optimal), Row("layered", "g1", "best", 100, ms: 1200, status: CandidateStatus.Optimal),
        Row("layered", "g2", "input", 300), Row("layered", "g2", "xla-list", 150), Row("layered", "g2", "local", 150, ms: 900),
        Row("layered", "g2", "exact", null), Row("layered", "g2", "best", 150, ms: 1500, status: CandidateStatus.Feasible),
    ]);

    private static readonly ReportPlot Plot = new("Mean peak / lower bound", "plots/00-ratio.png", [0x89, 0x50, 0x4E, 0x47], "Bars start at `1`.");

    [Fact]
    public void Html_RendersTheMarkdown_NoBackticksEmphasisOrTableSyntaxLeft()
    {
        string html = HtmlReport.Render(Data(), Context, [Plot]);
        Assert.DoesNotContain("`", html);
        Assert.DoesNotContain("**", html);
        Assert.DoesNotContain("|---", html);
        Assert.DoesNotContain("![", html);
        Assert.Contains("<code>input</code>", html);
        Assert.Contains("<table>", html);
        Assert.Contains("<img src=\"data:image/png;base64,iVBORw==\"", html);
        Assert.Contains("<a href=\"results.csv\">", html);
    }

    [Fact]
    public void Markdown_HeadlineComesFirst_ThenPlots_ThenTables_AndNoPerGraphRows()
    {
        string md = MarkdownReport.Render(Data(), Context, [Plot], p => p.File);
        int headline = md.IndexOf("## Headline", StringComparison.Ordinal), plots = md.IndexOf("## Plots", StringComparison.Ordinal);
        int tables = md.IndexOf("## Tables", StringComparison.Ordinal);
        Assert.True(headline > 0 && headline < plots && plots < tables, md);
        Assert.Contains("| layered | 2 | local |", md);
        Assert.Contains("![Mean peak / lower bound](plots/00-ratio.png)", md);
        Assert.DoesNotContain("All results", md);
        Assert.DoesNotContain("| g2 |", md);
        Assert.Contains("1.00 0.50 0.25 at the start", md);
    }

    [Fact]
    public void Markdown_SkippedMethod_ShowsADashNotAZeroTime()
    {
        var table = ReportTable.Summaries(Data().Summaries).Single();
        string[] exact = table.Rows.Single(r => r[0] == "exact");
        int time = table.Header.ToList().IndexOf("median time:");
        Assert.Equal("300 ms", exact[time]);
        Assert.Equal("1/2", exact[1]);
        var skippedOnly = ReportData.From([Row("d", "g1", "input", 100), Row("d", "g1", "cpsat", null)]);
        Assert.Equal("—", ReportTable.Summaries(skippedOnly.Summaries).Single().Rows.Single(r => r[0] == "cpsat")[time]);
    }

    [Fact]
    public void ResultsJson_HoldsSummariesAndRowsWithoutOrders_OrdersJsonHoldsThem()
    {
        var data = Data();
        using var results = JsonDocument.Parse(ReportJson.Write(data, Context));
        var root = results.RootElement;
        Assert.Equal(10, root.GetProperty("rows").GetArrayLength());
        Assert.All(root.GetProperty("rows").EnumerateArray(), r => Assert.False(r.TryGetProperty("order", out _)));
        var dataset = root.GetProperty("datasets")[0];
        Assert.Equal("local", dataset.GetProperty("winner").GetString());
        Assert.Equal("xla-list", dataset.GetProperty("best_heuristic").GetString());
        Assert.Equal(1, dataset.GetProperty("proven_optimal_graphs").GetInt32());
        var exact = dataset.GetProperty("methods").EnumerateArray().Single(m => m.GetProperty("method").GetString() == "exact");
        Assert.Equal(1, exact.GetProperty("strict_wins").GetInt32());
        Assert.Equal("1.00 0.50 0.25", root.GetProperty("run").GetProperty("load_average_start").GetString());

        using var orders = JsonDocument.Parse(ReportJson.Orders(data));
        Assert.Equal(10, orders.RootElement.GetArrayLength());
        Assert.Equal(10, orders.RootElement[0].GetProperty("order").GetArrayLength());
        Assert.Equal(0, orders.RootElement[8].GetProperty("order").GetArrayLength());
    }
}
