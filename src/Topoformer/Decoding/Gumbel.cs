namespace Scheduler.Topoformer.Decoding;

/// <summary>Gumbel draws and the truncation stochastic beam search needs (Kool et al. 2019, appendix B.3).</summary>
internal static class Gumbel
{
    /// <summary>A standard Gumbel draw −log(−log U), finite for every U the generator returns.</summary>
    public static double Standard(Random random)
    {
        double u = random.NextDouble() + double.Epsilon; // (0, 1): log(u) is finite and below 0
        return -Math.Log(-Math.Log(u));
    }

    /// <summary>
    /// The score G̃ of a child shifted so that the largest of its siblings' scores (<paramref name="max"/>) becomes the
    /// parent's <paramref name="bound"/>: −log(exp(−T) − exp(−Z) + exp(−G̃)), in the stable form
    /// v = T − G̃ + log(1 − exp(G̃ − Z)), G = T − max(0, v) − log(1 + exp(−|v|)).
    /// </summary>
    public static double Truncate(double bound, double max, double score)
    {
        double v = bound - score + Log1MinusExp(score - max);
        return bound - Math.Max(0, v) - LogOnePlus(Math.Exp(-Math.Abs(v)));
    }

    /// <summary>
    /// The smallest draw G̃ whose <see cref="Truncate"/> reaches <paramref name="threshold"/> (≤ the bound), less a
    /// rounding margin, so that skipping draws below it never drops a child that could be kept:
    /// −log(exp(−threshold) − exp(−T) + exp(−Z)), computed relative to the largest exponent.
    /// </summary>
    public static double Untruncate(double bound, double max, double threshold)
    {
        double m = -Math.Min(threshold, Math.Min(bound, max));
        double sum = Math.Exp(-threshold - m) - Math.Exp(-bound - m) + Math.Exp(-max - m);
        if (!(sum > 0))
        {
            return double.NegativeInfinity;
        }
        double draw = -(m + Math.Log(sum));
        return draw - 1e-9 * (1 + Math.Abs(draw));
    }

    /// <summary>log(1 − exp(a)) for a ≤ 0 (−∞ at 0), accurate near 0 (Mächler 2012).</summary>
    private static double Log1MinusExp(double a)
        => a > -0.6931471805599453 ? Math.Log(-ExpMinusOne(a)) : LogOnePlus(-Math.Exp(a));

    private static double ExpMinusOne(double a) => Math.Abs(a) < 1e-5 ? a + a * a / 2 + a * a * a / 6 : Math.Exp(a) - 1;

    private static double LogOnePlus(double x) => Math.Abs(x) < 1e-5 ? x - x * x / 2 + x * x * x / 3 : Math.Log(1 + x);
}
