namespace Scheduler.Pass.Adaptive;

/// <summary>
/// A Normal-Gamma belief about the unknown mean μ and precision τ of Normal observations: τ ~ Gamma(shape α, rate β)
/// and μ | τ ~ N(m, 1/(κτ)). It is conjugate, so observations with statistics (n, x̄, S) give the posterior
/// κ' = κ + n, m' = (κm + n x̄)/κ', α' = α + n/2, β' = β + S/2 + κn(x̄ − m)²/(2κ') (Murphy 2007, "Conjugate Bayesian
/// analysis of the Gaussian distribution", §3). Thompson sampling draws τ, then μ, and acts as if μ were true.
/// </summary>
/// <param name="Mean">m: the mean's location.</param>
/// <param name="Strength">κ: how many observations the location is worth.</param>
/// <param name="Shape">α of the precision's Gamma.</param>
/// <param name="Rate">β of the precision's Gamma.</param>
public sealed record NormalGamma(double Mean, double Strength, double Shape, double Rate)
{
    /// <summary>The posterior after observations with statistics <paramref name="stats"/>.</summary>
    public NormalGamma Update(SampleStats stats)
    {
        if (stats.Count <= 0)
        {
            return this;
        }
        double k = Strength + stats.Count, d = stats.Mean - Mean;
        return new((Strength * Mean + stats.Count * stats.Mean) / k, k, Shape + stats.Count / 2,
            Rate + stats.SumSquares / 2 + Strength * stats.Count * d * d / (2 * k));
    }

    /// <summary>One Thompson draw of the mean μ (first τ from its Gamma, then μ given τ).</summary>
    public double SampleMean(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        double precision = Sampling.Gamma(random, Shape) / Rate;
        return Mean + Sampling.Normal(random) / Math.Sqrt(Strength * precision);
    }

    /// <summary>True when every parameter is finite and κ, α, β are positive (a file's posterior is checked with it).</summary>
    public bool IsValid => double.IsFinite(Mean) && double.IsFinite(Strength) && double.IsFinite(Shape) && double.IsFinite(Rate)
        && Strength > 0 && Shape > 0 && Rate > 0;
}
