using Scheduler.Pass;

namespace Scheduler.Reports;

/// <summary>
/// The answer a report gives first for one dataset: which single method wins, by how much over the best cheap
/// heuristic and over the file order, how far it stays from the bound, how many graphs are proven optimal, what it
/// costs, and what the pass (<c>best</c>) gives.
/// </summary>
/// <param name="Dataset">Dataset name.</param>
/// <param name="Graphs">Graphs in the dataset.</param>
/// <param name="Winner">The single method with the lowest mean peak / LB among those that ran on every graph (equal
/// means go to the lower median time); null when no single method ran on every graph.</param>
/// <param name="TiedWith">Other single methods with the same mean peak / LB.</param>
/// <param name="WinnerMeanRatio">The winner's mean peak / LB: its gap to the bound is this minus 1.</param>
/// <param name="WinnerMedianMs">The winner's median time per graph.</param>
/// <param name="BestHeuristic">The cheap heuristic (not the file order) with the lowest mean peak / LB, or null.</param>
/// <param name="WinnerVsHeuristic">Mean over graphs of winner peak / best-heuristic peak − 1 (negative: lower).</param>
/// <param name="WinnerVsInput">Mean over graphs of winner peak / file-order peak − 1.</param>
/// <param name="ProvenGraphs">Graphs where some row's order is proven optimal.</param>
/// <param name="Pass">The <c>best</c> row's summary (the pass with its work budgets), or null when it did not run.</param>
/// <param name="PassVsInput">Mean over graphs of pass peak / file-order peak − 1, or null.</param>
public sealed record DatasetHeadline(
    string Dataset, int Graphs, string? Winner, IReadOnlyList<string> TiedWith, double WinnerMeanRatio, double WinnerMedianMs,
    string? BestHeuristic, double? WinnerVsHeuristic, double? WinnerVsInput, int ProvenGraphs, MethodSummary? Pass, double? PassVsInput)
{
    private const double SameMean = 1e-9;

    /// <summary>One headline per dataset, in dataset order.</summary>
    public static IReadOnlyList<DatasetHeadline> From(ComparisonResults results, IReadOnlyList<MethodSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(summaries);
        return results.Datasets.Select(d => Of(results, d, summaries.Where(s => s.Dataset == d).ToList())).ToList();
    }

    private static DatasetHeadline Of(ComparisonResults results, string dataset, List<MethodSummary> summaries)
    {
        var comparable = summaries.Where(s => s.RanOnAll && ComparisonResults.IsSingleMethod(s.Method))
            .OrderBy(s => s.MeanRatio).ThenBy(s => s.MedianMs).ToList();
        var winner = comparable.FirstOrDefault();
        var tied = winner is null ? [] : comparable.Skip(1).Where(s => Math.Abs(s.MeanRatio - winner.MeanRatio) <= SameMean).Select(s => s.Method).ToList();
        string? heuristic = comparable.FirstOrDefault(s => ComparisonResults.IsHeuristic(s.Method))?.Method;
        var graphs = results.Graphs(dataset);
        int proven = graphs.Count(g => results.Methods.Any(m => results.Row(dataset, g, m)?.Status == CandidateStatus.Optimal));
        var pass = summaries.FirstOrDefault(s => s.Method == "best");
        return new DatasetHeadline(dataset, graphs.Count, winner?.Method, tied, winner?.MeanRatio ?? double.NaN, winner?.MedianMs ?? double.NaN,
            heuristic, MeanChange(results, dataset, winner?.Method, heuristic), MeanChange(results, dataset, winner?.Method, "input"),
            proven, pass, MeanChange(results, dataset, pass?.Method, "input"));
    }

    /// <summary>
    /// Mean over the graphs where both have a peak of peak(<paramref name="method"/>) / peak(<paramref name="baseline"/>) − 1;
    /// −0.25 means a quarter lower. Null when either is missing or they share no graph.
    /// </summary>
    public static double? MeanChange(ComparisonResults results, string dataset, string? method, string? baseline)
    {
        var changes = Changes(results, dataset, method, baseline);
        return changes.Count > 0 ? changes.Average() : null;
    }

    /// <summary>Per graph of <paramref name="dataset"/> where both have a peak: peak(method) / peak(baseline) − 1.</summary>
    public static IReadOnlyList<double> Changes(ComparisonResults results, string dataset, string? method, string? baseline)
    {
        ArgumentNullException.ThrowIfNull(results);
        var changes = new List<double>();
        if (method is null || baseline is null)
        {
            return changes;
        }
        foreach (string g in results.Graphs(dataset))
        {
            if (results.Row(dataset, g, method)?.PeakBytes is long p && results.Row(dataset, g, baseline)?.PeakBytes is long b && b > 0)
            {
                changes.Add((double)p / b - 1);
            }
        }
        return changes;
    }
}
