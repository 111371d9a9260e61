using Scheduler.Pass.Compare;
using Scheduler.Graphs;
using ScottPlot;

namespace Scheduler.Reports;

/// <summary>PNG plots of a comparison (ScottPlot): ratio per method per dataset, time per method, memory over the schedule.</summary>
public static class PlotWriter
{
    private const int Width = 1000, Height = 560;

    /// <summary>Grouped bars of mean peak / LB, one group per dataset, one bar per method.</summary>
    public static byte[] RatioByDataset(IReadOnlyList<MethodSummary> summaries)
        => GroupedBars(summaries, s => s.MeanRatio, "Mean peak / lower bound per method", "peak / LB");

    /// <summary>Grouped bars of log10 of the median time per method.</summary>
    public static byte[] TimeByDataset(IReadOnlyList<MethodSummary> summaries)
        => GroupedBars(summaries, s => Math.Log10(Math.Max(s.MedianMs, 0.001)), "Median time per method", "log10(ms)");

    /// <summary>Memory at every step of each method's order on one graph.</summary>
    public static byte[] MemoryProfile(NamedGraph graph, IReadOnlyList<CompareRow> rows)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var plt = new Plot();
        var palette = new ScottPlot.Palettes.Category20();
        var profiles = rows.Where(r => r.OrderIds is not null && r.Method is not ("best" or "oracle"))
            .Select(r => (r.Method, Profile: MemoryModel.Profile(graph.Graph, r.OrderIds!.Select(id => graph.Graph.TryGetOp(id, out int op) ? op : -1).ToArray())))
            .ToList();
        long max = profiles.Count == 0 ? 0 : profiles.Max(p => p.Profile.Length == 0 ? 0 : p.Profile.Max());
        var (scale, unit) = max >= 1L << 30 ? (1073741824.0, "GiB") : max >= 1L << 20 ? (1048576.0, "MiB") : max >= 1L << 10 ? (1024.0, "KiB") : (1.0, "B");
        int i = 0;
        foreach (var (method, profile) in profiles)
        {
            double[] xs = Enumerable.Range(0, profile.Length).Select(x => (double)x).ToArray();
            double[] ys = profile.Select(b => b / scale).ToArray();
            var line = plt.Add.ScatterLine(xs, ys);
            line.Color = palette.GetColor(i++);
            line.LegendText = method;
        }
        plt.Title($"Memory over the schedule: {graph.Name}");
        plt.XLabel("step");
        plt.YLabel($"live {unit}");
        plt.ShowLegend(Alignment.UpperRight);
        return plt.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static byte[] GroupedBars(IReadOnlyList<MethodSummary> summaries, Func<MethodSummary, double> value, string title, string yLabel)
    {
        var plt = new Plot();
        var palette = new ScottPlot.Palettes.Category20();
        var datasets = summaries.Select(s => s.Dataset).Distinct().ToList();
        var methods = summaries.Select(s => s.Method).Distinct().ToList();
        var bars = new List<Bar>();
        double groupWidth = methods.Count + 1;
        foreach (var s in summaries)
        {
            double v = value(s);
            if (double.IsNaN(v) || double.IsInfinity(v))
            {
                continue;
            }
            int m = methods.IndexOf(s.Method);
            bars.Add(new Bar { Position = datasets.IndexOf(s.Dataset) * groupWidth + m, Value = v, FillColor = palette.GetColor(m) });
        }
        plt.Add.Bars(bars);
        for (int m = 0; m < methods.Count; m++)
        {
            plt.Legend.ManualItems.Add(new LegendItem { LabelText = methods[m], FillColor = palette.GetColor(m) });
        }
        var ticks = datasets.Select((d, k) => new Tick(k * groupWidth + (methods.Count - 1) / 2.0, d)).ToArray();
        plt.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plt.Title(title);
        plt.YLabel(yLabel);
        plt.ShowLegend(Edge.Right);
        return plt.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
