namespace Scheduler.Graphs.Generators;

/// <summary>
/// The paper's synthetic "layered graphs" (Gagrani et al., NeurIPS 2022, Appendix A): ops arranged in layers, edges
/// between nearby positions of adjacent layers, a few skip edges across two or more layers, sizes from a Gaussian
/// mixture. Seeded: the same options and seed give the same graph.
/// </summary>
public static class LayeredGraphGenerator
{
    /// <summary>Generates one graph; ids are 0..N-1 in layer order (which is also the input order).</summary>
    public static ComputationGraph Generate(LayeredGraphOptions options, int seed, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Guard.That(options.Nodes >= 1, nameof(options), $"Nodes must be at least 1, got {options.Nodes}.");
        var random = new Random(seed);
        var layers = LayerSizes(options, random);
        var sizes = new SizeSampler(random, options.SizeMeans, options.SizeStdDevs, options.BytesPerUnit);
        var start = new int[layers.Length + 1];
        for (int l = 0; l < layers.Length; l++)
        {
            start[l + 1] = start[l] + layers[l];
        }
        var nodeSizes = new long[options.Nodes];
        for (int i = 0; i < nodeSizes.Length; i++)
        {
            nodeSizes[i] = sizes.Next();
        }
        var edges = new HashSet<(int, int)>();
        for (int l = 0; l + 1 < layers.Length; l++)
        {
            ConnectAdjacent(edges, start[l], layers[l], start[l + 1], layers[l + 1], options.EdgeDensity, random);
        }
        for (int l = 2; l < layers.Length; l++)
        {
            for (int j = start[l]; j < start[l + 1]; j++)
            {
                if (random.NextDouble() < options.SkipDensity)
                {
                    edges.Add((random.Next(0, start[l - 1]), j));
                }
            }
        }
        var sorted = edges.ToList();
        sorted.Sort();
        return ComputationGraph.FromSizes(nodeSizes, sorted, name ?? $"layered-{options.Nodes}-seed{seed}");
    }

    /// <summary>L = ceil(sqrt(N·(1/W − 1))) layers with sizes uniform around N/L, adjusted to sum to N.</summary>
    private static int[] LayerSizes(LayeredGraphOptions o, Random random)
    {
        double w = o.WidthRatioMin + (o.WidthRatioMax - o.WidthRatioMin) * random.NextDouble();
        int count = Math.Clamp((int)Math.Ceiling(Math.Sqrt(o.Nodes * (1.0 / w - 1.0))), 1, o.Nodes);
        double mean = (double)o.Nodes / count;
        var layers = new int[count];
        for (int l = 0; l < count; l++)
        {
            double lo = mean * (1 - o.NodeSpread), hi = mean * (1 + o.NodeSpread);
            layers[l] = Math.Max(1, (int)Math.Round(lo + (hi - lo) * random.NextDouble()));
        }
        int diff = o.Nodes - layers.Sum();
        while (diff != 0)
        {
            int l = random.Next(count);
            if (diff > 0)
            {
                layers[l]++;
                diff--;
            }
            else if (layers[l] > 1)
            {
                layers[l]--;
                diff++;
            }
        }
        return layers;
    }

    /// <summary>
    /// Edges between nearby relative positions of two adjacent layers with probability ρ·2 inside a window of half a
    /// layer (about ρ·|layer| in-edges per op); every op keeps at least one predecessor and one successor there.
    /// </summary>
    private static void ConnectAdjacent(HashSet<(int, int)> edges, int a0, int aCount, int b0, int bCount, double density, Random random)
    {
        var hasOut = new bool[aCount];
        var hasIn = new bool[bCount];
        for (int j = 0; j < bCount; j++)
        {
            double pj = (j + 0.5) / bCount;
            for (int i = 0; i < aCount; i++)
            {
                double pi = (i + 0.5) / aCount;
                if (Math.Abs(pi - pj) <= 0.25 && random.NextDouble() < Math.Min(1.0, 2 * density))
                {
                    edges.Add((a0 + i, b0 + j));
                    hasOut[i] = hasIn[j] = true;
                }
            }
        }
        for (int j = 0; j < bCount; j++)
        {
            if (!hasIn[j])
            {
                int i = Math.Min(aCount - 1, (int)((j + 0.5) / bCount * aCount));
                edges.Add((a0 + i, b0 + j));
                hasOut[i] = true;
            }
        }
        for (int i = 0; i < aCount; i++)
        {
            if (!hasOut[i])
            {
                int j = Math.Min(bCount - 1, (int)((i + 0.5) / aCount * bCount));
                edges.Add((a0 + i, b0 + j));
            }
        }
    }
}
