using Scheduler.Pass;
using Scheduler.Pass.Compare;

namespace Scheduler.Reports;

/// <summary>Aggregates of one method over one dataset.</summary>
/// <param name="Dataset">Dataset name.</param>
/// <param name="Method">Method id.</param>
/// <param name="Graphs">Graphs the method produced an order for.</param>
/// <param name="Failed">Graphs where it failed or was skipped.</param>
/// <param name="MeanRatio">Mean of peak / lower bound.</param>
/// <param name="MedianRatio">Median of peak / lower bound.</param>
/// <param name="Wins">Graphs where its peak is the lowest among the methods (ties count for every tied method).</param>
/// <param name="MedianMs">Median wall time in milliseconds.</param>
/// <param name="Optimal">Graphs an exact method proved optimal.</param>
public sealed record MethodSummary(string Dataset, string Method, int Graphs, int Failed, double MeanRatio, double MedianRatio, int Wins, double MedianMs, int Optimal)
{
    /// <summary>Summaries per (dataset, method), in the order datasets and methods first appear in <paramref name="rows"/>.</summary>
    public static IReadOnlyList<MethodSummary> From(IReadOnlyList<CompareRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var bestPeak = rows.Where(r => r.PeakBytes is not null && r.Method is not ("best" or "oracle"))
            .GroupBy(r => (r.Dataset, r.Graph))
            .ToDictionary(g => g.Key, g => g.Min(r => r.PeakBytes!.Value));
        var result = new List<MethodSummary>();
        foreach (var group in rows.GroupBy(r => (r.Dataset, r.Method)))
        {
            var ok = group.Where(r => r.Ratio is not null).ToList();
            var ratios = ok.Select(r => r.Ratio!.Value).ToList();
            int wins = ok.Count(r => bestPeak.TryGetValue((r.Dataset, r.Graph), out long b) && r.PeakBytes == b);
            result.Add(new MethodSummary(group.Key.Dataset, group.Key.Method, ok.Count, group.Count() - ok.Count,
                ratios.Count > 0 ? ratios.Average() : double.NaN, Median(ratios), wins,
                Median(group.Select(r => r.ElapsedMs).ToList()), group.Count(r => r.Status == CandidateStatus.Optimal)));
        }
        return result;
    }

    /// <summary>Median of a list (NaN when empty).</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
