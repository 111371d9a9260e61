using Scheduler.Graphs;
using Scheduler.Pass.Compare;
using ScottPlot;

namespace Scheduler.Reports.Plots;

/// <summary>
/// Live memory at every step of a few orders of one graph (<see cref="PlotSeries.Profiles"/>: the file order, the
/// dataset's best heuristic and the pass), with the lower bound dashed; the y axis starts at 0 and the legend sits
/// outside the data.
/// </summary>
public static class ProfilePlot
{
    private const int Width = 1200, Height = 480;

    /// <summary>The graph of <paramref name="dataset"/> where the pass gains most over the file order (the first graph
    /// when either is missing): where scheduling matters, as the report's caption says.</summary>
    public static NamedGraph Pick(ReportData data, string dataset, IReadOnlyList<NamedGraph> graphs)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(graphs);
        var candidates = graphs.Where(g => g.Dataset == dataset).ToList();
        double Gain(NamedGraph g)
            => data.Results.Row(dataset, g.Name, "best")?.PeakBytes is long p && data.Results.Row(dataset, g.Name, "input")?.PeakBytes is long i && i > 0
                ? 1 - (double)p / i : double.MinValue;
        return candidates.OrderByDescending(Gain).First();
    }

    /// <summary>The profiles of <paramref name="graph"/> as a PNG, scored with <paramref name="memory"/>.</summary>
    public static byte[] Render(ReportData data, NamedGraph graph, MemoryModelOptions memory)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(graph);
        var headline = data.Headline(graph.Dataset);
        var lines = new List<(PlotSeries Series, string Label, long[] Profile)>();
        foreach (var series in PlotSeries.Profiles)
        {
            if (data.Results.Row(graph.Dataset, graph.Name, series.MethodOn(headline) ?? "")?.OrderIds is long[] ids)
            {
                int[] order = ids.Select(id => graph.Graph.TryGetOp(id, out int op) ? op : -1).ToArray();
                lines.Add((series, series.LabelOn(headline), MemoryModel.Profile(graph.Graph, order, memory)));
            }
        }
        long bound = data.Results.Rows.First(r => r.Dataset == graph.Dataset && r.Graph == graph.Name).BestLowerBound;
        long max = Math.Max(bound, lines.Count == 0 ? 0 : lines.Max(l => l.Profile.Length == 0 ? 0 : l.Profile.Max()));
        var (scale, unit) = max >= 1L << 30 ? (1073741824.0, "GiB") : max >= 1L << 20 ? (1048576.0, "MiB") : max >= 1L << 10 ? (1024.0, "KiB") : (1.0, "B");
        var plt = new Plot();
        // The pass first and widest: where another order is the same, its thinner line stays visible on top.
        foreach (var (series, label, profile) in lines.OrderBy(l => l.Series == PlotSeries.Pass ? 0 : 1))
        {
            var line = plt.Add.ScatterLine(Enumerable.Range(0, profile.Length).Select(x => (double)x).ToArray(), profile.Select(b => b / scale).ToArray());
            line.Color = series.Color;
            line.LineWidth = series == PlotSeries.Pass ? 4f : 1.5f;
            line.LegendText = $"{label}: peak {Format.Bytes(profile.Length == 0 ? 0 : profile.Max())}";
        }
        var lb = plt.Add.HorizontalLine(bound / scale, 1.5f, Colors.Black, LinePattern.Dashed);
        lb.LegendText = $"lower bound {Format.Bytes(bound)}";
        plt.Axes.SetLimitsY(0, max / scale * 1.08);
        plt.Axes.SetLimitsX(0, Math.Max(1, graph.Graph.OpCount - 1));
        plt.Title($"Memory over the schedule: {graph.Name} ({graph.Dataset}, {graph.Graph.OpCount} ops)", 15);
        plt.XLabel("step", 13);
        plt.YLabel($"live memory ({unit})", 13);
        plt.Legend.FontSize = 13;
        plt.ShowLegend(Edge.Right);
        return plt.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
