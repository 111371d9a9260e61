using Scheduler.Graphs;
using Scheduler.Graphs.Generators;

namespace Scheduler.Topoformer.Training;

/// <summary>Which graphs to generate: a family and a node-count range (YAML section <c>train_graphs</c> / <c>validation</c>).</summary>
public sealed record GraphSetSpec
{
    /// <summary><c>layered</c> (the paper's generator) or <c>erdos-renyi</c>.</summary>
    public string Generator { get; init; } = "layered";

    /// <summary>Smallest node count (inclusive).</summary>
    public int NodesMin { get; init; } = 50;

    /// <summary>Largest node count (inclusive).</summary>
    public int NodesMax { get; init; } = 300;

    /// <summary>Layered: ρ, edge density between adjacent layers.</summary>
    public double EdgeDensity { get; init; } = 0.2;

    /// <summary>Layered: skip-edge density.</summary>
    public double SkipDensity { get; init; } = 0.14;

    /// <summary>Erdős–Rényi: edge probability.</summary>
    public double EdgeProbability { get; init; } = 0.05;

    /// <summary>Number of graphs (validation only; training draws fresh graphs every step).</summary>
    public int Count { get; init; } = 8;

    /// <summary>Base seed (validation only; training derives seeds from the run's seed and step).</summary>
    public int Seed { get; init; } = 1000;

    /// <summary>One graph; the node count is drawn from <paramref name="random"/>.</summary>
    public ComputationGraph Generate(Random random, int seed)
    {
        ArgumentNullException.ThrowIfNull(random);
        int nodes = random.Next(NodesMin, NodesMax + 1);
        return Generator switch
        {
            "layered" => LayeredGraphGenerator.Generate(
                new LayeredGraphOptions(Nodes: nodes, EdgeDensity: EdgeDensity, SkipDensity: SkipDensity), seed),
            "erdos-renyi" => ErdosRenyiGenerator.Generate(nodes, EdgeProbability, seed),
            _ => throw new ArgumentException($"Unknown generator '{Generator}'; known: layered, erdos-renyi."),
        };
    }

    /// <summary>What is wrong with a node-count range (also a curriculum stage's), or null.</summary>
    internal static string? SizeProblem(int nodesMin, int nodesMax)
        => nodesMin < 2 || nodesMax < nodesMin || nodesMax > TopoformerScheduler.MaxNodes
            ? $"need 2 <= nodes_min <= nodes_max <= {TopoformerScheduler.MaxNodes}, got {nodesMin}..{nodesMax}"
            : null;

    /// <summary>Problems with the values, each naming its key under <paramref name="section"/>.</summary>
    public IEnumerable<(string Key, string Message)> Problems(string section)
    {
        if (Generator is not ("layered" or "erdos-renyi"))
        {
            yield return ($"{section}.generator", $"unknown generator '{Generator}'{Suggestions.DidYouMean(Generator ?? "", ["layered", "erdos-renyi"])}; known: layered, erdos-renyi");
        }
        if (SizeProblem(NodesMin, NodesMax) is string size)
        {
            yield return ($"{section}.nodes_min", size);
        }
        var checks = new (string Key, double Value, ValueRange Range)[]
        {
            ("edge_density", EdgeDensity, ValueRange.Probability),
            ("skip_density", SkipDensity, ValueRange.Probability),
            ("edge_probability", EdgeProbability, ValueRange.Probability),
            ("count", Count, ValueRange.Integers(1, 100_000)),
            // Validation graph i uses seed + i, so the last one must still be an int.
            ("seed", Seed, ValueRange.Integers(int.MinValue, int.MaxValue - (long)Math.Max(Count, 1) + 1)),
        };
        foreach (var (key, value, range) in checks)
        {
            if (range.Problem(value) is string problem)
            {
                yield return ($"{section}.{key}", problem);
            }
        }
    }
}
