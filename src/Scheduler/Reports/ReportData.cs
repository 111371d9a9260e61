using Scheduler.Pass.Compare;

namespace Scheduler.Reports;

/// <summary>Everything a report shows, computed once from the rows and handed to every table and plot.</summary>
/// <param name="Results">The indexed rows.</param>
/// <param name="Summaries">Per (dataset, method) aggregates.</param>
/// <param name="Headlines">Per dataset: the winner and its margins.</param>
/// <param name="Anytime">Per dataset, <c>local</c>'s anytime curve (empty when it did not run): the one search that
/// records its trace, so every curve's work is in one unit, scored moves.</param>
public sealed record ReportData(ComparisonResults Results, IReadOnlyList<MethodSummary> Summaries, IReadOnlyList<DatasetHeadline> Headlines,
    IReadOnlyList<AnytimeCurve> Anytime)
{
    /// <summary>The unit of <see cref="Anytime"/>'s work.</summary>
    public const string AnytimeUnit = "scored moves";

    /// <summary>Indexes and summarises <paramref name="rows"/>.</summary>
    /// <exception cref="ArgumentException">Two rows share a dataset, graph and method.</exception>
    public static ReportData From(IReadOnlyList<CompareRow> rows)
    {
        var results = new ComparisonResults(rows);
        var summaries = MethodSummary.From(results);
        var anytime = AnytimeCurve.From(results).Where(c => c.Method == "local").ToList();
        return new ReportData(results, summaries, DatasetHeadline.From(results, summaries), anytime);
    }

    /// <summary>The summary of <paramref name="method"/> on <paramref name="dataset"/>, or null when it did not run there.</summary>
    public MethodSummary? Summary(string dataset, string? method)
        => method is null ? null : Summaries.FirstOrDefault(s => s.Dataset == dataset && s.Method == method);

    /// <summary>The headline of <paramref name="dataset"/>.</summary>
    public DatasetHeadline Headline(string dataset) => Headlines.First(h => h.Dataset == dataset);
}
