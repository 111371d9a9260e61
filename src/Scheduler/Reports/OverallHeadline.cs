using Scheduler.Pass;
using Scheduler.Pass.Compare;

namespace Scheduler.Reports;

/// <summary>The report's first sentence: what the pass (<c>best</c>) gives over every graph of the run.</summary>
/// <param name="Graphs">Graphs in the run.</param>
/// <param name="PassGraphs">Graphs the pass ran on (0 when <c>best</c> was not among the methods).</param>
/// <param name="PassVsInput">Mean over graphs of pass peak / file-order peak − 1, or null.</param>
/// <param name="PassVsHeuristic">Mean over graphs of pass peak / peak of the dataset's best heuristic − 1, or null.</param>
/// <param name="PassMedianMs">Median time of the pass per graph (NaN when it did not run).</param>
/// <param name="PassProven">Graphs where the pass's order is proven optimal.</param>
public sealed record OverallHeadline(int Graphs, int PassGraphs, double? PassVsInput, double? PassVsHeuristic, double PassMedianMs, int PassProven)
{
    /// <summary>Sums the per-dataset results of <paramref name="data"/>.</summary>
    public static OverallHeadline From(ReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var results = data.Results;
        var vsInput = new List<double>();
        var vsHeuristic = new List<double>();
        var passRows = new List<CompareRow>();
        int graphs = 0;
        foreach (var h in data.Headlines)
        {
            graphs += h.Graphs;
            vsInput.AddRange(DatasetHeadline.Changes(results, h.Dataset, "best", "input"));
            vsHeuristic.AddRange(DatasetHeadline.Changes(results, h.Dataset, "best", h.BestHeuristic));
            passRows.AddRange(results.RowsOf(h.Dataset, "best").Where(r => r.PeakBytes is not null));
        }
        return new OverallHeadline(graphs, passRows.Count, vsInput.Count > 0 ? vsInput.Average() : null,
            vsHeuristic.Count > 0 ? vsHeuristic.Average() : null, MethodSummary.Median(passRows.Select(r => r.ElapsedMs).ToList()),
            passRows.Count(r => r.Status == CandidateStatus.Optimal));
    }

    /// <summary>The sentence, in Markdown.</summary>
    public string Sentence()
        => PassGraphs == 0
            ? $"{Graphs} graphs; the pass (`best`) was not among the methods."
            : $"Over {PassGraphs} graphs, the pass (`best`, its default portfolio and work budgets) finds orders whose peak is "
              + $"on average {Percent(PassVsInput)} the file order's and {Percent(PassVsHeuristic)} that of each dataset's best cheap heuristic, "
              + $"in a median {Format.Duration(PassMedianMs)} per graph; {PassProven} of its orders are proven optimal.";

    private static string Percent(double? change)
        => change is not double c ? "(not measured) against" : c <= 0 ? $"{Format.Change(-c).TrimStart('+')} below" : $"{Format.Change(c).TrimStart('+')} above";
}
