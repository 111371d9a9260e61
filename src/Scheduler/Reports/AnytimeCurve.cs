using Scheduler.Graphs;
using Scheduler.Pass.Compare;

namespace Scheduler.Reports;

/// <summary>
/// A method's anytime curve over one dataset: at each work count of a shared grid, the mean over the dataset's graphs
/// of the best peak the method held by then over the graph's lower bound. A graph whose run ended before a grid point
/// (its budget spent, or the bound reached) keeps its final peak there: that is what the run returned.
/// </summary>
/// <param name="Dataset">The dataset.</param>
/// <param name="Method">The method (one that records traces, <see cref="CompareRow.Trace"/>).</param>
/// <param name="Graphs">Graphs averaged: those of the dataset where the method left a trace.</param>
/// <param name="Work">The grid: 0 (the start orders), then 1, 2, 5 × powers of ten up to the most work any run spent.</param>
/// <param name="MeanRatio">Mean peak / lower bound at each grid point.</param>
public sealed record AnytimeCurve(string Dataset, string Method, int Graphs, IReadOnlyList<long> Work, IReadOnlyList<double> MeanRatio)
{
    /// <summary>Every (dataset, method) with traces, in the order the datasets and methods ran.</summary>
    public static IReadOnlyList<AnytimeCurve> From(ComparisonResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var curves = new List<AnytimeCurve>();
        foreach (string dataset in results.Datasets)
        {
            foreach (string method in results.Methods)
            {
                var rows = results.RowsOf(dataset, method).Where(r => r.Trace is { Count: > 0 } && r.BestLowerBound > 0).ToList();
                if (rows.Count == 0)
                {
                    continue;
                }
                var grid = Grid(rows.Max(r => r.Trace![^1].Work));
                var means = grid.Select(w => rows.Average(r => (double)PeakAt(r.Trace!, w) / r.BestLowerBound)).ToList();
                curves.Add(new AnytimeCurve(dataset, method, rows.Count, grid, means));
            }
        }
        return curves;
    }

    /// <summary>The mean peak / lower bound once <paramref name="work"/> was spent: the value at the last grid point at or
    /// before it (the start before the first, the end beyond the last).</summary>
    public double MeanAt(long work)
    {
        int i = 0;
        while (i + 1 < Work.Count && Work[i + 1] <= work)
        {
            i++;
        }
        return MeanRatio[i];
    }

    /// <summary>The best peak of <paramref name="trace"/> once <paramref name="work"/> was spent (its first point, the
    /// start, before any improvement).</summary>
    public static long PeakAt(IReadOnlyList<AnytimePoint> trace, long work)
    {
        ArgumentNullException.ThrowIfNull(trace);
        long peak = trace[0].PeakBytes;
        foreach (var p in trace)
        {
            if (p.Work > work)
            {
                break;
            }
            peak = p.PeakBytes;
        }
        return peak;
    }

    private static List<long> Grid(long maxWork)
    {
        var grid = new List<long> { 0 };
        for (long decade = 1; decade <= maxWork && decade < long.MaxValue / 10; decade *= 10)
        {
            foreach (long m in new long[] { 1, 2, 5 })
            {
                if (decade * m < maxWork)
                {
                    grid.Add(decade * m);
                }
            }
        }
        if (maxWork > 0)
        {
            grid.Add(maxWork);
        }
        return grid;
    }
}
