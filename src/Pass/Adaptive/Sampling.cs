namespace Scheduler.Pass.Adaptive;

/// <summary>
/// Draws from the distributions Thompson sampling needs, from a seeded <see cref="Random"/> only (so a seed fixes every
/// draw), and the seeds themselves: <see cref="Seed"/> mixes the user's seed with what identifies a draw, with a
/// fixed hash (string.GetHashCode is randomised per process, so it cannot be used).
/// </summary>
public static class Sampling
{
    /// <summary>A standard Normal draw (Box–Muller).</summary>
    public static double Normal(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        double u = 1 - random.NextDouble(), v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }

    /// <summary>A Gamma(<paramref name="shape"/>, rate 1) draw (Marsaglia and Tsang 2000; shape below 1 by their
    /// boost: Gamma(a) = Gamma(a + 1)·U^(1/a)).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The shape is not positive.</exception>
    public static double Gamma(Random random, double shape)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(shape);
        if (shape < 1)
        {
            return Gamma(random, shape + 1) * Math.Pow(1 - random.NextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3, c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x = Normal(random), v = 1 + c * x;
            if (v <= 0)
            {
                continue;
            }
            v = v * v * v;
            double u = 1 - random.NextDouble();
            if (Math.Log(u) < 0.5 * x * x + d - d * v + d * Math.Log(v))
            {
                return d * v;
            }
        }
    }

    /// <summary>A 32-bit seed from <paramref name="seed"/> and <paramref name="parts"/> (FNV-1a over the parts, then
    /// a SplitMix64 finaliser): the same inputs give the same seed in every process.</summary>
    public static int Seed(int seed, params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ulong h = 14695981039346656037UL ^ unchecked((uint)seed);
        foreach (string part in parts)
        {
            foreach (char ch in part)
            {
                h = unchecked((h ^ ch) * 1099511628211UL);
            }
            h = unchecked((h ^ 0xFF) * 1099511628211UL);
        }
        h = unchecked((h ^ (h >> 30)) * 0xBF58476D1CE4E5B9UL);
        h = unchecked((h ^ (h >> 27)) * 0x94D049BB133111EBUL);
        h ^= h >> 31;
        return unchecked((int)h);
    }
}
