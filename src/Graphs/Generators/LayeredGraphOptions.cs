namespace Scheduler.Graphs.Generators;

/// <summary>
/// Parameters of the paper's layered-graph generator (Gagrani et al. 2022, Appendix A; values gathered in docs/DESIGN.md §6).
/// </summary>
/// <param name="Nodes">Number of ops.</param>
/// <param name="NodeSpread">σ: layer sizes are uniform in [N/L·(1−σ), N/L·(1+σ)].</param>
/// <param name="EdgeDensity">ρ: probability of an edge between nearby ops of adjacent layers.</param>
/// <param name="SkipDensity">Probability that an op gets an extra edge from a layer at least two back.</param>
/// <param name="WidthRatioMin">Lower end of the width ratio W; L = ceil(sqrt(N·(1/W − 1))).</param>
/// <param name="WidthRatioMax">Upper end of W.</param>
/// <param name="BytesPerUnit">Sizes are drawn in units from the Gaussian mixture and scaled by this.</param>
public sealed record LayeredGraphOptions(
    int Nodes = 500,
    double NodeSpread = 0.75,
    double EdgeDensity = 0.2,
    double SkipDensity = 0.14,
    double WidthRatioMin = 0.25,
    double WidthRatioMax = 0.5,
    long BytesPerUnit = 1000)
{
    /// <summary>Means of the four size components, in units.</summary>
    public IReadOnlyList<double> SizeMeans { get; init; } = [0.5, 1, 3, 5];

    /// <summary>Standard deviations of the four size components, in units.</summary>
    public IReadOnlyList<double> SizeStdDevs { get; init; } = [0.5, 1, 1, 1];
}
