namespace Scheduler.Graphs.Generators;

/// <summary>
/// Erdős–Rényi DAGs: each pair i &lt; j gets the edge i→j with probability p, sizes from the layered generator's
/// mixture. Used for robustness tests, property tests and the scale runs; seeded.
/// </summary>
public static class ErdosRenyiGenerator
{
    /// <summary>
    /// Generates a DAG with <paramref name="nodes"/> ops and edge probability <paramref name="edgeProbability"/> in
    /// O(N + E) time: instead of a coin per pair it draws the geometric gap to the next edge among the pairs in order
    /// (Batagelj &amp; Brandes 2005, "Efficient generation of large random networks"), which gives the same distribution
    /// and lets a million-op graph with a few edges per op be drawn in a second rather than 5·10¹¹ coin flips.
    /// </summary>
    public static ComputationGraph Generate(int nodes, double edgeProbability, int seed, string? name = null)
    {
        Guard.That(nodes >= 1, nameof(nodes), $"nodes must be at least 1, got {nodes}.");
        Guard.That(edgeProbability is >= 0 and <= 1, nameof(edgeProbability), $"edge probability must be in [0, 1], got {edgeProbability}.");
        var random = new Random(seed);
        var defaults = new LayeredGraphOptions();
        var sampler = new SizeSampler(random, defaults.SizeMeans, defaults.SizeStdDevs, defaults.BytesPerUnit);
        var sizes = new long[nodes];
        for (int i = 0; i < nodes; i++)
        {
            sizes[i] = sampler.Next();
        }
        return ComputationGraph.FromSizes(sizes, Edges(nodes, edgeProbability, random), name ?? $"erdos-renyi-{nodes}-seed{seed}");
    }

    /// <summary>The pairs (i, j), i &lt; j, are numbered k = j(j−1)/2 + i; the gap from one chosen pair to the next is
    /// geometric with parameter p: ⌊ln(1−r) / ln(1−p)⌋ pairs are passed over.</summary>
    private static List<(int, int)> Edges(int nodes, double p, Random random)
    {
        var edges = new List<(int, int)>();
        long pairs = (long)nodes * (nodes - 1) / 2;
        if (p <= 0 || pairs == 0)
        {
            return edges;
        }
        double logMiss = double.LogP1(-p); // −∞ when p = 1: every gap is 0
        for (long k = -1; ;)
        {
            double gap = Math.Floor(Math.Log(1.0 - random.NextDouble()) / logMiss);
            if (gap >= pairs - k - 1)
            {
                return edges;
            }
            k += 1 + (long)gap;
            int j = Target(k);
            edges.Add(((int)(k - (long)j * (j - 1) / 2), j));
        }
    }

    /// <summary>The j with j(j−1)/2 ≤ k &lt; j(j+1)/2 (floating-point root, then corrected by one either way).</summary>
    private static int Target(long k)
    {
        long j = (long)((1 + Math.Sqrt(1 + 8.0 * k)) / 2);
        while (j * (j - 1) / 2 > k)
        {
            j--;
        }
        while (j * (j + 1) / 2 <= k)
        {
            j++;
        }
        return (int)j;
    }
}
