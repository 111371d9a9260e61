namespace Scheduler.Pass.Adaptive;

/// <summary>
/// Running statistics of (possibly weighted) observations: their count, mean and sum of squared deviations from the
/// mean (Welford's update; Chan, Golub and LeVeque's formula to merge two sets). The sufficient statistics of a Normal
/// model, so a <see cref="NormalGamma"/> posterior needs nothing else.
/// </summary>
/// <param name="Count">Number of observations (fractional once scaled).</param>
/// <param name="Mean">Their mean (0 when there are none).</param>
/// <param name="SumSquares">Sum of squared deviations from <paramref name="Mean"/>.</param>
public readonly record struct SampleStats(double Count, double Mean, double SumSquares)
{
    /// <summary>These statistics with <paramref name="x"/> added.</summary>
    public SampleStats Add(double x)
    {
        double n = Count + 1, d = x - Mean, mean = Mean + d / n;
        return new(n, mean, SumSquares + d * (x - mean));
    }

    /// <summary>The statistics of both sets together.</summary>
    public SampleStats Merge(SampleStats other)
    {
        if (other.Count <= 0)
        {
            return this;
        }
        if (Count <= 0)
        {
            return other;
        }
        double n = Count + other.Count, d = other.Mean - Mean;
        return new(n, Mean + d * other.Count / n, SumSquares + other.SumSquares + d * d * Count * other.Count / n);
    }

    /// <summary>These statistics weighted by <paramref name="weight"/> (the same mean, as if seen weight times as often).</summary>
    public SampleStats Scale(double weight) => new(Count * weight, Mean, SumSquares * weight);

    /// <summary>Scaled down to at most <paramref name="count"/> observations (unchanged when already fewer).</summary>
    public SampleStats AtMost(double count) => Count <= count ? this : Scale(count / Count);
}
