namespace Scheduler.Graphs.Generators;

/// <summary>
/// Erdős–Rényi DAGs: each pair i &lt; j gets the edge i→j with probability p, sizes from the layered generator's
/// mixture. Used for robustness tests and property tests; seeded.
/// </summary>
public static class ErdosRenyiGenerator
{
    /// <summary>Generates a DAG with <paramref name="nodes"/> ops and edge probability <paramref name="edgeProbability"/>.</summary>
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
        var edges = new List<(int, int)>();
        for (int i = 0; i < nodes; i++)
        {
            for (int j = i + 1; j < nodes; j++)
            {
                if (random.NextDouble() < edgeProbability)
                {
                    edges.Add((i, j));
                }
            }
        }
        return ComputationGraph.FromSizes(sizes, edges, name ?? $"erdos-renyi-{nodes}-seed{seed}");
    }
}
