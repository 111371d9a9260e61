using Scheduler.Pass;
using Scheduler.Reports;
using static Scheduler.Tests.Reports.ReportRows;

namespace Scheduler.Tests.Reports;

public class MethodSummaryTests
{
    private static MethodSummary Of(IReadOnlyList<Scheduler.Pass.Compare.CompareRow> rows, string method)
        => MethodSummary.From(new ComparisonResults(rows)).Single(s => s.Method == method);

    [Fact]
    public void From_SharedLowestPeak_IsATieForEachNotAWin()
    {
        // g1: bfs and dfs share 120, lpmf 150. g2: lpmf alone at 110.
        var rows = Dataset("d", ("g1", "bfs", 120), ("g1", "dfs", 120), ("g1", "lpmf", 150), ("g2", "bfs", 130), ("g2", "dfs", 140), ("g2", "lpmf", 110));
        Assert.Equal((0, 1), (Of(rows, "bfs").StrictWins!.Value, Of(rows, "bfs").Ties!.Value));
        Assert.Equal((0, 1), (Of(rows, "dfs").StrictWins!.Value, Of(rows, "dfs").Ties!.Value));
        Assert.Equal((1, 0), (Of(rows, "lpmf").StrictWins!.Value, Of(rows, "lpmf").Ties!.Value));
    }

    [Fact]
    public void From_PassAndOracle_HaveNoWinsAndDoNotTurnAWinIntoATie()
    {
        var rows = Dataset("d", ("g1", "bfs", 120), ("g1", "dfs", 150), ("g1", "best", 120), ("g1", "oracle", 120));
        Assert.Equal(1, Of(rows, "bfs").StrictWins);
        Assert.Equal(0, Of(rows, "bfs").Ties);
        Assert.Null(Of(rows, "best").StrictWins);
        Assert.Null(Of(rows, "oracle").Ties);
    }

    [Fact]
    public void From_SkippedEverywhere_HasNoMedianTimeAndNoRatio()
    {
        var rows = new List<Scheduler.Pass.Compare.CompareRow> { Row("d", "g1", "bfs", 120, ms: 3), Row("d", "g1", "exact", null, ms: 0), Row("d", "g2", "exact", null, ms: 0) };
        var exact = Of(rows, "exact");
        Assert.True(double.IsNaN(exact.MedianMs), "a skip costs nothing and must not show as a median time of 0");
        Assert.True(double.IsNaN(exact.MeanRatio));
        Assert.Equal((2, 0, 2), (exact.Graphs, exact.Ran, exact.Skipped));
        Assert.False(exact.RanOnAll);
        Assert.Equal("—", Format.Duration(exact.MedianMs));
    }

    [Fact]
    public void From_TimesAndRatios_AreOverTheGraphsItRanOn()
    {
        var rows = new List<Scheduler.Pass.Compare.CompareRow>
        {
            Row("d", "g1", "exact", 110, ms: 40), Row("d", "g2", "exact", 130, ms: 60), Row("d", "g3", "exact", null, ms: 0),
        };
        var exact = Of(rows, "exact");
        Assert.Equal(50, exact.MedianMs);
        Assert.Equal(1.2, exact.MeanRatio, 12);
        Assert.Equal(2, exact.Ran);
    }

    [Fact]
    public void From_PassProvenOptimal_CountsItsProofs()
    {
        var rows = new List<Scheduler.Pass.Compare.CompareRow>
        {
            Row("d", "g1", "best", 100, status: CandidateStatus.Optimal), Row("d", "g2", "best", 120, status: CandidateStatus.Feasible),
        };
        Assert.Equal(1, Of(rows, "best").Optimal);
    }

    [Fact]
    public void ComparisonResults_DuplicateRow_Throws()
        => Assert.Throws<ArgumentException>(() => new ComparisonResults(Dataset("d", ("g1", "bfs", 1), ("g1", "bfs", 2))));
}
