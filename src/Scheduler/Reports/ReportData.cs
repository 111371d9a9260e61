using Scheduler.Pass.Compare;

namespace Scheduler.Reports;

/// <summary>Everything a report shows, computed once from the rows and handed to every table and plot.</summary>
/// <param name="Results">The indexed rows.</param>
/// <param name="Summaries">Per (dataset, method) aggregates.</param>
/// <param name="Headlines">Per dataset: the winner and its margins.</param>
public sealed record ReportData(ComparisonResults Results, IReadOnlyList<MethodSummary> Summaries, IReadOnlyList<DatasetHeadline> Headlines)
{
    /// <summary>Indexes and summarises <paramref name="rows"/>.</summary>
    /// <exception cref="ArgumentException">Two rows share a dataset, graph and method.</exception>
    public static ReportData From(IReadOnlyList<CompareRow> rows)
    {
        var results = new ComparisonResults(rows);
        var summaries = MethodSummary.From(results);
        return new ReportData(results, summaries, DatasetHeadline.From(results, summaries));
    }

    /// <summary>The summary of <paramref name="method"/> on <paramref name="dataset"/>, or null when it did not run there.</summary>
    public MethodSummary? Summary(string dataset, string? method)
        => method is null ? null : Summaries.FirstOrDefault(s => s.Dataset == dataset && s.Method == method);

    /// <summary>The headline of <paramref name="dataset"/>.</summary>
    public DatasetHeadline Headline(string dataset) => Headlines.First(h => h.Dataset == dataset);
}
