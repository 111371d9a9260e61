using Scheduler.Reports;
using static Scheduler.Tests.Reports.ReportRows;

namespace Scheduler.Tests.Reports;

public class DatasetHeadlineTests
{
    [Fact]
    public void From_Winner_IsLowestMeanAmongMethodsThatRanEverywhere_WithMarginsOverHeuristicAndInput()
    {
        var rows = Dataset("d",
            ("g1", "input", 200), ("g1", "random", 130), ("g1", "bfs", 160), ("g1", "xla-list", 180), ("g1", "local", 120), ("g1", "exact", 100), ("g1", "best", 120),
            ("g2", "input", 300), ("g2", "random", 170), ("g2", "bfs", 200), ("g2", "xla-list", 150), ("g2", "local", 150), ("g2", "exact", null), ("g2", "best", 150));
        var h = ReportData.From(rows).Headline("d");
        // exact has the lowest peak but skipped g2, so its mean is over other graphs; random is a sampler, not a heuristic.
        Assert.Equal("local", h.Winner);
        Assert.Equal(1.35, h.WinnerMeanRatio, 12);
        Assert.Equal("xla-list", h.BestHeuristic); // mean 1.65 vs bfs 1.8
        Assert.Equal(((120.0 / 180 - 1) + (150.0 / 150 - 1)) / 2, h.WinnerVsHeuristic!.Value, 12);
        Assert.Equal(((120.0 / 200 - 1) + (150.0 / 300 - 1)) / 2, h.WinnerVsInput!.Value, 12);
        Assert.Equal(h.WinnerVsInput!.Value, h.PassVsInput!.Value, 12);
        Assert.Equal("best", h.Pass!.Method);
    }

    [Fact]
    public void From_EqualMeans_GoToTheFasterAndListTheTie()
    {
        var rows = new List<Scheduler.Pass.Compare.CompareRow>
        {
            Row("d", "g1", "input", 150, ms: 0.01), Row("d", "g1", "local", 120, ms: 900), Row("d", "g1", "beam", 120, ms: 5),
        };
        var h = ReportData.From(rows).Headline("d");
        Assert.Equal("beam", h.Winner);
        Assert.Equal(["local"], h.TiedWith);
        Assert.Null(h.Pass);
        Assert.Null(h.PassVsInput);
    }

    [Fact]
    public void From_ProvenGraphs_CountsGraphsWithAnyOptimalRow()
    {
        var rows = new List<Scheduler.Pass.Compare.CompareRow>
        {
            Row("d", "g1", "exact", 100, status: Scheduler.Pass.CandidateStatus.Optimal), Row("d", "g1", "best", 100, status: Scheduler.Pass.CandidateStatus.Optimal),
            Row("d", "g2", "exact", 130, status: Scheduler.Pass.CandidateStatus.GaveUp), Row("d", "g3", "exact", 100, status: Scheduler.Pass.CandidateStatus.Optimal),
        };
        Assert.Equal(2, ReportData.From(rows).Headline("d").ProvenGraphs);
    }

    [Fact]
    public void Overall_AveragesThePassOverEveryGraph()
    {
        var rows = Dataset("a", ("g1", "input", 200), ("g1", "bfs", 100), ("g1", "best", 100));
        rows.AddRange(Dataset("b", ("g1", "input", 100), ("g1", "bfs", 100), ("g1", "best", 100), ("g2", "input", 100), ("g2", "bfs", 100), ("g2", "best", 100)));
        var overall = OverallHeadline.From(ReportData.From(rows));
        Assert.Equal(3, overall.PassGraphs);
        Assert.Equal(-0.5 / 3, overall.PassVsInput!.Value, 12);
        Assert.Equal(0, overall.PassVsHeuristic!.Value, 12);
        Assert.Contains("16.7% below the file order", overall.Sentence());
    }
}
