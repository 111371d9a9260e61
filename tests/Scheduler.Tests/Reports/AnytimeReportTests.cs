using System.Text.Json;
using Scheduler.Graphs;
using Scheduler.Reports;
using static Scheduler.Tests.Reports.ReportRows;

namespace Scheduler.Tests.Reports;

public class AnytimeReportTests
{
    // Two graphs of one dataset (bound 100 each): g1 falls 200 -> 150 at 40 moves -> 120 at 30,000 and stops there;
    // g2 falls 300 -> 250 at 5 moves -> 150 at 2,000,000.
    private static ReportData Data() => ReportData.From(
    [
        Row("layered", "g1", "input", 200),
        Row("layered", "g1", "local", 120) with { Trace = [new(0, 0.1, 200), new(40, 1, 150), new(30_000, 9, 120)] },
        Row("layered", "g2", "input", 300),
        Row("layered", "g2", "local", 150) with { Trace = [new(0, 0.1, 300), new(5, 0.5, 250), new(2_000_000, 700, 150)] },
    ]);

    [Fact]
    public void PeakAt_IsTheLastPointAtOrBeforeTheWork()
    {
        AnytimePoint[] trace = [new(0, 0, 200), new(40, 1, 150), new(30_000, 9, 120)];
        Assert.Equal(200, AnytimeCurve.PeakAt(trace, 39));
        Assert.Equal(150, AnytimeCurve.PeakAt(trace, 40));
        Assert.Equal(150, AnytimeCurve.PeakAt(trace, 29_999));
        Assert.Equal(120, AnytimeCurve.PeakAt(trace, 5_000_000));
    }

    [Fact]
    public void Curve_MeansTheGraphsOnAGridOfWork_AGraphThatStoppedKeepsItsFinalPeak()
    {
        var curve = Data().Anytime.Single();
        Assert.Equal(("layered", "local", 2), (curve.Dataset, curve.Method, curve.Graphs));
        Assert.Equal(0, curve.Work[0]);
        Assert.Equal(2_000_000, curve.Work[^1]);
        double At(long w) => curve.MeanRatio[curve.Work.ToList().IndexOf(w)];
        Assert.Equal((2.0 + 3.0) / 2, At(0), 9);
        Assert.Equal((2.0 + 2.5) / 2, At(5), 9);
        Assert.Equal((1.5 + 2.5) / 2, At(50), 9);
        Assert.Equal((1.2 + 2.5) / 2, At(50_000), 9);
        Assert.Equal((1.2 + 1.5) / 2, At(2_000_000), 9);
    }

    [Fact]
    public void Markdown_HasTheAnytimeTableWithStartPowersOfTenAndEnd()
    {
        var table = ReportTable.Anytime(Data().Anytime, ReportData.AnytimeUnit);
        Assert.Equal(["dataset", "method", "graphs:", "start:", "10,000:", "100,000:", "1,000,000:", "end:", "end vs start:"], table.Header);
        Assert.Equal(["layered", "local", "2", "2.500", "2.000", "1.850", "1.850", "1.350 (2,000,000)", "\u221246.0%"], table.Rows.Single());
        string md = MarkdownReport.Render(Data(), new("c", DateTime.UnixEpoch, 60, 0), [], p => p.File);
        Assert.Contains("### Anytime: mean peak / LB after so many scored moves", md);
        Assert.Contains("anytime.csv", md);
    }

    [Fact]
    public void Rows_WithoutTraces_HaveNoAnytimeSection()
    {
        var data = ReportData.From([Row("d", "g1", "input", 100), Row("d", "g1", "local", 90)]);
        Assert.Empty(data.Anytime);
        Assert.DoesNotContain("Anytime", MarkdownReport.Render(data, new("c", DateTime.UnixEpoch, 60, 0), [], p => p.File));
    }

    [Fact]
    public void Json_RowsCarryTheirTrace()
    {
        using var doc = JsonDocument.Parse(CompareJson.Write(Data().Results.Rows));
        var local = doc.RootElement.EnumerateArray().First(r => r.GetProperty("method").GetString() == "local");
        var points = local.GetProperty("trace").EnumerateArray().Select(p => (p.GetProperty("work").GetInt64(), p.GetProperty("peak_bytes").GetInt64())).ToArray();
        Assert.Equal([(0L, 200L), (40L, 150L), (30_000L, 120L)], points);
        Assert.False(doc.RootElement[0].TryGetProperty("trace", out _));
    }
}
