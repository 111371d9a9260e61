using ScottPlot;

namespace Scheduler.Reports.Plots;

/// <summary>
/// One method a report's plots draw, with its colour and marker. The plots draw a few methods, not all of them, so
/// each is legible: the file order (what a graph has without scheduling), the best cheap heuristic of each dataset
/// (what compilers do today; named on the plot), the two searches (<c>beam</c>, <c>local</c>), the learned model
/// (<c>topoformer-sample</c>, which beats greedy <c>topoformer</c> on every bundled dataset), the exact DP
/// (<c>exact</c>; <c>cpsat</c> is slower for the same peaks) and the pass (<c>best</c>). Colours are the Okabe–Ito
/// palette, which stays distinguishable under the common colour-vision deficiencies; markers differ too.
/// </summary>
/// <param name="Label">Legend text.</param>
/// <param name="Method">Method id, or null for the best heuristic of each dataset.</param>
/// <param name="Color">Fill and line colour.</param>
/// <param name="Marker">Marker shape in point plots.</param>
public sealed record PlotSeries(string Label, string? Method, Color Color, MarkerShape Marker)
{
    /// <summary>The file order.</summary>
    public static PlotSeries Input { get; } = new("file order", "input", Color.FromHex("#7F7F7F"), MarkerShape.FilledSquare);

    /// <summary>The best cheap heuristic of the dataset.</summary>
    public static PlotSeries BestHeuristic { get; } = new("best heuristic", null, Color.FromHex("#E69F00"), MarkerShape.FilledDiamond);

    /// <summary>The pass.</summary>
    public static PlotSeries Pass { get; } = new("best (the pass)", "best", Color.FromHex("#D55E00"), MarkerShape.FilledCircle);

    /// <summary>The series of the ratio and time plots, top to bottom.</summary>
    public static IReadOnlyList<PlotSeries> Methods { get; } =
    [
        Input,
        BestHeuristic,
        new("beam", "beam", Color.FromHex("#56B4E9"), MarkerShape.FilledTriangleUp),
        new("local", "local", Color.FromHex("#009E73"), MarkerShape.FilledTriangleDown),
        new("topoformer-sample", "topoformer-sample", Color.FromHex("#CC79A7"), MarkerShape.OpenCircle),
        new("exact", "exact", Color.FromHex("#0072B2"), MarkerShape.OpenSquare),
        Pass,
    ];

    /// <summary>The series of the memory profiles: the file order, the best heuristic and the pass.</summary>
    public static IReadOnlyList<PlotSeries> Profiles { get; } = [Input, BestHeuristic, Pass];

    /// <summary>The method this series stands for on <paramref name="headline"/>'s dataset, or null when none ran.</summary>
    public string? MethodOn(DatasetHeadline headline)
    {
        ArgumentNullException.ThrowIfNull(headline);
        return Method ?? headline.BestHeuristic;
    }

    /// <summary>The label on <paramref name="headline"/>'s dataset (the best heuristic is named).</summary>
    public string LabelOn(DatasetHeadline headline)
        => Method is null && MethodOn(headline) is string m ? $"{Label} ({m})" : Label;
}
