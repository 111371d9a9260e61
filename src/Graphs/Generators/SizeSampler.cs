namespace Scheduler.Graphs.Generators;

/// <summary>Draws op sizes from an equal-weight Gaussian mixture, clipped to positive (docs/DESIGN.md §6).</summary>
internal sealed class SizeSampler(Random random, IReadOnlyList<double> means, IReadOnlyList<double> stdDevs, long bytesPerUnit)
{
    /// <summary>One size in bytes, at least 1.</summary>
    public long Next()
    {
        int k = random.Next(means.Count);
        double x = means[k] + stdDevs[k] * NextGaussian();
        return Math.Max(1, (long)Math.Round(Math.Max(x, 0.01) * bytesPerUnit));
    }

    private double NextGaussian()
    {
        // Box–Muller; 1 - NextDouble() keeps the log argument in (0, 1].
        double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
