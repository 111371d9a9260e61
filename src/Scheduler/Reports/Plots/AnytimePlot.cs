using System.Globalization;
using ScottPlot;

namespace Scheduler.Reports.Plots;

/// <summary>
/// The anytime curves (<see cref="AnytimeCurve"/>): mean peak / lower bound against the work spent, on a log axis of
/// work, one line per dataset (and method, when more than one records traces). The start orders sit at the left,
/// labelled "start"; a line falls where more budget bought a lower peak and is flat where it bought nothing.
/// </summary>
public static class AnytimePlot
{
    private const int Width = 1200, Height = 560;

    /// <summary>Where the start orders (work 0) are drawn on the log axis.</summary>
    private const double StartX = -0.6;

    private static readonly Color[] Palette = new[] { "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#7F7F7F", "#F0E442" }
        .Select(Color.FromHex).ToArray();

    /// <summary>The plot as a PNG; <paramref name="unit"/> names the work (e.g. "scored moves").</summary>
    public static byte[] Render(IReadOnlyList<AnytimeCurve> curves, string unit)
    {
        ArgumentNullException.ThrowIfNull(curves);
        var plt = new Plot();
        bool manyMethods = curves.Select(c => c.Method).Distinct().Count() > 1;
        double maxX = 1;
        for (int i = 0; i < curves.Count; i++)
        {
            var c = curves[i];
            var xs = c.Work.Select(w => w == 0 ? StartX : Math.Log10(w)).ToArray();
            maxX = Math.Max(maxX, xs[^1]);
            var line = plt.Add.Scatter(xs, c.MeanRatio.ToArray());
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.Color = Palette[i % Palette.Length];
            line.LineWidth = 2;
            line.MarkerSize = 5;
            line.LegendText = manyMethods ? $"{c.Dataset} ({c.Method})" : $"{c.Dataset} ({c.Graphs} graphs)";
        }
        int last = (int)Math.Ceiling(maxX);
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        ticks.AddMajor(StartX, "start");
        for (int e = 0; e <= last; e++)
        {
            ticks.AddMajor(e, Label(Math.Pow(10, e)));
            for (int m = 2; m <= 9 && e < last; m++)
            {
                ticks.AddMinor(e + Math.Log10(m));
            }
        }
        plt.Axes.Bottom.TickGenerator = ticks;
        plt.Axes.SetLimitsX(StartX - 0.3, last + 0.2);
        string method = manyMethods ? "each method's" : $"{curves.FirstOrDefault()?.Method ?? "the search"}'s";
        plt.Title($"Anytime: {method} best peak so far / lower bound against work spent (mean per dataset; lower is better)", 14);
        plt.XLabel($"{unit} spent (log scale)", 13);
        plt.YLabel("mean peak / lower bound", 13);
        plt.Legend.FontSize = 12;
        plt.ShowLegend(Edge.Right);
        return plt.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static string Label(double work) => work switch
    {
        >= 1e9 => (work / 1e9).ToString("0.#", CultureInfo.InvariantCulture) + "G",
        >= 1e6 => (work / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + "M",
        >= 1e3 => (work / 1e3).ToString("0.#", CultureInfo.InvariantCulture) + "k",
        _ => work.ToString("0", CultureInfo.InvariantCulture),
    };
}
