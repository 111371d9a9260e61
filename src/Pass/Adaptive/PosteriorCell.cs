namespace Scheduler.Pass.Adaptive;

/// <summary>What one method did on one graph class: the statistics of its gains (fractions of the start peak) and of
/// its log cost ratios (ln of observed over budgeted cost, <see cref="MethodCost"/>).</summary>
/// <param name="Gain">Gains seen.</param>
/// <param name="LogCost">Log cost ratios seen.</param>
public sealed record PosteriorCell(SampleStats Gain, SampleStats LogCost)
{
    /// <summary>A cell with no observations.</summary>
    public static PosteriorCell Empty { get; } = new(default, default);

    /// <summary>This cell with one more run.</summary>
    public PosteriorCell Add(double gain, double logCost) => new(Gain.Add(gain), LogCost.Add(logCost));

    /// <summary>Both cells' observations together.</summary>
    public PosteriorCell Merge(PosteriorCell other) => new(Gain.Merge(other.Gain), LogCost.Merge(other.LogCost));
}
