namespace Scheduler.Graphs.Generators;

/// <summary>
/// Chains, stars and fan-ins of any size (<see cref="GraphShape"/>), with sizes from the layered generator's mixture:
/// the degenerate shapes that show whether a pass is linear in the graph (the scale runs use them at 10⁶ ops).
/// Ids are 0..N−1 and the input order is already topological. Seeded: the same shape, size and seed give the same graph.
/// </summary>
public static class ShapeGenerator
{
    /// <summary>Generates a <paramref name="shape"/> of <paramref name="nodes"/> ops.</summary>
    /// <exception cref="ArgumentException"><paramref name="nodes"/> is below 1.</exception>
    public static ComputationGraph Generate(GraphShape shape, int nodes, int seed, string? name = null)
    {
        Guard.That(nodes >= 1, nameof(nodes), $"nodes must be at least 1, got {nodes}.");
        var random = new Random(seed);
        var mixture = new LayeredGraphOptions();
        var sampler = new SizeSampler(random, mixture.SizeMeans, mixture.SizeStdDevs, mixture.BytesPerUnit);
        var sizes = new long[nodes];
        for (int i = 0; i < nodes; i++)
        {
            sizes[i] = sampler.Next();
        }
        var edges = new (int, int)[nodes - 1];
        for (int i = 0; i < edges.Length; i++)
        {
            edges[i] = shape switch
            {
                GraphShape.Chain => (i, i + 1),
                GraphShape.Star => (0, i + 1),
                _ => (i, nodes - 1),
            };
        }
        return ComputationGraph.FromSizes(sizes, edges, name ?? $"{shape.ToString().ToLowerInvariant()}-{nodes}-seed{seed}");
    }
}
