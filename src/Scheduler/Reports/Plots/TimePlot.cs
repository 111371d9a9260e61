using ScottPlot;
using static System.FormattableString;

namespace Scheduler.Reports.Plots;

/// <summary>
/// Median time per graph of the <see cref="PlotSeries.Methods"/>, as points on a log axis, datasets side by side.
/// The median is over the graphs a method ran on; a method that ran on none of a dataset has no point there (a skip
/// costs nothing, and a zero must not look fastest).
/// </summary>
public static class TimePlot
{
    private const int Width = 1200, Height = 560;

    /// <summary>The plot as a PNG.</summary>
    public static byte[] Render(ReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var plt = new Plot();
        var datasets = data.Results.Datasets;
        var series = PlotSeries.Methods;
        double lo = double.MaxValue, hi = double.MinValue;
        for (int k = 0; k < series.Count; k++)
        {
            var xs = new List<double>();
            var ys = new List<double>();
            for (int d = 0; d < datasets.Count; d++)
            {
                var s = data.Summary(datasets[d], series[k].MethodOn(data.Headline(datasets[d])));
                if (s is null || double.IsNaN(s.MedianMs))
                {
                    continue;
                }
                double y = Math.Log10(Math.Max(s.MedianMs, 0.001));
                xs.Add(d + (k - (series.Count - 1) / 2.0) * 0.1);
                ys.Add(y);
                lo = Math.Min(lo, y);
                hi = Math.Max(hi, y);
            }
            var points = plt.Add.ScatterPoints(xs.ToArray(), ys.ToArray());
            points.Color = series[k].Color;
            points.MarkerShape = series[k].Marker;
            points.MarkerSize = 11;
            points.MarkerLineWidth = 2;
            points.LegendText = series[k].Label;
        }
        for (int d = 1; d < datasets.Count; d++)
        {
            plt.Add.VerticalLine(d - 0.5, 1, Colors.LightGray);
        }
        if (lo > hi)
        {
            lo = hi = 0;
        }
        int first = (int)Math.Floor(lo), last = (int)Math.Ceiling(hi);
        plt.Axes.Left.TickGenerator = LogTicks(first, Math.Max(last, first + 1));
        plt.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(datasets.Select((d, i) => new Tick(i, d)).ToArray());
        plt.Axes.SetLimitsY(first - 0.1, Math.Max(last, first + 1) + 0.1);
        plt.Axes.SetLimitsX(-0.5, datasets.Count - 0.5);
        plt.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        plt.Title("Median time per graph (log scale; lower is faster)", 15);
        plt.YLabel("median time per graph", 13);
        plt.Legend.FontSize = 13;
        plt.ShowLegend(Edge.Right);
        return plt.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>Major ticks at the powers of ten from 10^<paramref name="first"/> to 10^<paramref name="last"/> ms,
    /// labelled in ms or s; minor ticks at 2..9 times each.</summary>
    private static ScottPlot.TickGenerators.NumericManual LogTicks(int first, int last)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int e = first; e <= last; e++)
        {
            double ms = Math.Pow(10, e);
            ticks.AddMajor(e, ms >= 1000 ? Invariant($"{ms / 1000:0.###} s") : Invariant($"{ms:0.###} ms"));
            for (int m = 2; m <= 9 && e < last; m++)
            {
                ticks.AddMinor(e + Math.Log10(m));
            }
        }
        return ticks;
    }
}
