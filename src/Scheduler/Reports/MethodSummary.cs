using Scheduler.Pass;
using Scheduler.Pass.Compare;

namespace Scheduler.Reports;

/// <summary>Aggregates of one method over one dataset.</summary>
/// <param name="Dataset">Dataset name.</param>
/// <param name="Method">Method id.</param>
/// <param name="Graphs">Graphs of the dataset the method was asked to run on.</param>
/// <param name="Ran">Graphs it produced an order for.</param>
/// <param name="Failed">Graphs where it threw or returned an invalid order.</param>
/// <param name="Skipped">Graphs where it did not run (too large, for example).</param>
/// <param name="MeanRatio">Mean of peak / lower bound over the graphs it ran on (NaN when none).</param>
/// <param name="MedianRatio">Median of peak / lower bound over the same graphs.</param>
/// <param name="StrictWins">Graphs where its peak is lower than every other single method's; null for combined rows
/// (<c>best</c>, <c>oracle</c>), which are not in the contest.</param>
/// <param name="Ties">Graphs where it shares the lowest peak with another single method; null for combined rows.</param>
/// <param name="MedianMs">Median wall time over the graphs it ran on (NaN when it ran on none: a skip costs nothing
/// and must not look fast).</param>
/// <param name="Optimal">Graphs where its order is proven optimal (by a solver, by meeting the bound, or for
/// <c>best</c> by the candidate that proved the pass's winner).</param>
public sealed record MethodSummary(
    string Dataset, string Method, int Graphs, int Ran, int Failed, int Skipped, double MeanRatio, double MedianRatio,
    int? StrictWins, int? Ties, double MedianMs, int Optimal)
{
    /// <summary>With <c>compare --arena</c>: mean of arena bytes / live peak over the graphs it ran on (1 = no
    /// fragmentation); null when the run planned no arenas.</summary>
    public double? MeanArenaRatio { get; init; }

    /// <summary>True when the method produced an order on every graph of its dataset, so its mean compares with others'.</summary>
    public bool RanOnAll => Ran == Graphs && Graphs > 0;

    /// <summary>Summaries per (dataset, method), datasets and methods in the order they first appear.</summary>
    public static IReadOnlyList<MethodSummary> From(ComparisonResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var summaries = new List<MethodSummary>();
        foreach (string dataset in results.Datasets)
        {
            foreach (string method in results.Methods)
            {
                var rows = results.RowsOf(dataset, method);
                if (rows.Count > 0)
                {
                    summaries.Add(Of(results, dataset, method, rows));
                }
            }
        }
        return summaries;
    }

    private static MethodSummary Of(ComparisonResults results, string dataset, string method, IReadOnlyList<CompareRow> rows)
    {
        var ran = rows.Where(r => r.PeakBytes is not null).ToList();
        var ratios = ran.Select(r => r.Ratio).OfType<double>().ToList();
        bool single = ComparisonResults.IsSingleMethod(method);
        var placings = ran.Select(results.PlacingOf).ToList();
        return new MethodSummary(dataset, method, rows.Count, ran.Count,
            rows.Count(r => r.Status == CandidateStatus.Failed), rows.Count(r => r.Status == CandidateStatus.Skipped),
            ratios.Count > 0 ? ratios.Average() : double.NaN, Median(ratios),
            single ? placings.Count(p => p == Placing.StrictWin) : null, single ? placings.Count(p => p == Placing.Tie) : null,
            Median(ran.Select(r => r.ElapsedMs).ToList()), rows.Count(r => r.Status == CandidateStatus.Optimal))
        {
            MeanArenaRatio = ArenaRatios(ran) is { Count: > 0 } arenas ? arenas.Average() : null,
        };
    }

    /// <summary>Arena / peak of the rows that have both (a zero peak with a zero arena counts as 1).</summary>
    private static List<double> ArenaRatios(List<CompareRow> rows)
        => rows.Where(r => r.ArenaBytes is not null).Select(r => r.Fragmentation is double f ? 1 + f : double.NaN)
            .Where(x => !double.IsNaN(x)).ToList();

    /// <summary>Median of a list (NaN when empty).</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
