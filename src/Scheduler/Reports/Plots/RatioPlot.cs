using System.Globalization;
using ScottPlot;

namespace Scheduler.Reports.Plots;

/// <summary>
/// Mean peak / lower bound of the <see cref="PlotSeries.Methods"/>, one panel per dataset. Bars start at 1 (the
/// bound, drawn as a dashed line), so a bar's length is how far a method stays from a provable optimum; each panel
/// has its own scale because the datasets' headroom differs tenfold. A method that did not run on every graph of a
/// dataset gets no bar there (its mean would be over other graphs), only a note.
/// </summary>
public static class RatioPlot
{
    private const int PanelWidth = 620, PanelHeight = 330;

    /// <summary>The panels as one PNG.</summary>
    public static byte[] Render(ReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var datasets = data.Results.Datasets;
        int cols = datasets.Count == 1 ? 1 : 2, rows = (datasets.Count + cols - 1) / cols;
        var multi = new Multiplot();
        multi.Layout = new ScottPlot.MultiplotLayouts.Grid(rows, cols);
        while (multi.Subplots.Count < datasets.Count)
        {
            multi.AddPlot();
        }
        for (int i = 0; i < datasets.Count; i++)
        {
            Panel(multi.Subplots.GetPlot(i), data, datasets[i]);
        }
        return multi.Render(cols * PanelWidth, rows * PanelHeight).GetImageBytes(ImageFormat.Png, 100);
    }

    private static void Panel(Plot plt, ReportData data, string dataset)
    {
        var headline = data.Headline(dataset);
        var series = PlotSeries.Methods;
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        var notes = new List<(double Position, string Text)>();
        double lo = 1, hi = 1;
        for (int i = 0; i < series.Count; i++)
        {
            double position = series.Count - 1 - i;
            ticks.Add(new Tick(position, series[i].LabelOn(headline)));
            var s = data.Summary(dataset, series[i].MethodOn(headline));
            if (s is null || !s.RanOnAll)
            {
                notes.Add((position, s is null ? "not run" : $"ran on {s.Ran}/{s.Graphs} graphs: no bar"));
                continue;
            }
            lo = Math.Min(lo, s.MeanRatio);
            hi = Math.Max(hi, s.MeanRatio);
            bars.Add(new Bar
            {
                Position = position, ValueBase = 1, Value = s.MeanRatio, FillColor = series[i].Color, LineWidth = 0, Size = 0.7,
                Label = s.MeanRatio.ToString("0.000", CultureInfo.InvariantCulture),
            });
        }
        double span = Math.Max(hi - lo, 0.01);
        var plot = plt.Add.Bars(bars);
        plot.Horizontal = true;
        plot.ValueLabelStyle.FontSize = 12;
        foreach (var (position, text) in notes)
        {
            var note = plt.Add.Text(text, lo + span * 0.02, position);
            note.LabelFontSize = 11;
            note.LabelFontColor = Colors.Gray;
            note.LabelAlignment = Alignment.MiddleLeft;
        }
        plt.Add.VerticalLine(1, 2, Colors.Black, LinePattern.Dashed);
        plt.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plt.Axes.SetLimitsX(lo - span * 0.03, hi + span * 0.22);
        plt.Axes.SetLimitsY(-0.6, series.Count - 0.4);
        plt.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        plt.Title($"{dataset} ({headline.Graphs} graphs)", 14);
        plt.XLabel("mean peak / lower bound (dashed: the bound; lower is better)", 12);
    }
}
