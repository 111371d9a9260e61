using Scheduler.Graphs;
using Scheduler.Graphs.Topology;

namespace Scheduler.Topoformer;

/// <summary>
/// Node features of docs/DESIGN.md §5, a pure function of the graph: each feature is normalised per graph so that models
/// transfer across graph sizes and byte scales (sizes by their mean, counts by N, depths by their maximum).
/// </summary>
public static class GraphFeatures
{
    /// <summary>Features as a flat [N, F] row-major array, F = <paramref name="features"/>.Count.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="features">Feature names (see <see cref="TopoformerOptions.AllFeatures"/>).</param>
    /// <param name="relations">Already computed relations, whose exact ancestor and descendant counts the
    /// <c>ancestors</c>/<c>descendants</c> features use; null: computed here when needed (without the N² closure).</param>
    /// <exception cref="ArgumentException">A feature name is unknown.</exception>
    public static float[] Compute(ComputationGraph graph, IReadOnlyList<string> features, SampledRelations? relations = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(features);
        int n = graph.OpCount, f = features.Count;
        var result = new float[checked(n * f)];
        var reach = relations;
        for (int k = 0; k < f; k++)
        {
            double[] column = features[k] switch
            {
                "output_bytes" => ByMean(Bytes(graph, OutputBytes)),
                "input_bytes" => ByMean(Bytes(graph, InputBytes)),
                "sole_input_bytes" => ByMean(Bytes(graph, SoleInputBytes)),
                "in_degree" => ByMax(Counts(graph, (g, v) => g.Predecessors(v).Length)),
                "out_degree" => ByMax(Counts(graph, (g, v) => g.Successors(v).Length)),
                "depth" => ByMax(ToDouble(TopologicalSort.DepthFromSources(graph))),
                "height" => ByMax(ToDouble(TopologicalSort.HeightToSinks(graph))),
                "ancestors" => ByCount(Counts(graph, (_, v) => (reach ??= SampledRelations.Compute(graph, 1)).AncestorCount(v)), n),
                "descendants" => ByCount(Counts(graph, (_, v) => (reach ??= SampledRelations.Compute(graph, 1)).DescendantCount(v)), n),
                _ => throw new ArgumentException($"Unknown feature '{features[k]}'.", nameof(features)),
            };
            for (int v = 0; v < n; v++)
            {
                result[v * f + k] = (float)column[v];
            }
        }
        return result;
    }

    private static long OutputBytes(ComputationGraph g, int v) => g.OutputBytes(v);

    private static long InputBytes(ComputationGraph g, int v)
    {
        long sum = 0;
        foreach (int t in g.Inputs(v))
        {
            sum += g.IsResident(t) ? 0 : g.TensorSize(t);
        }
        return sum;
    }

    /// <summary>Bytes of inputs whose only consumer is v: what running v certainly frees (docs/DESIGN.md §2).</summary>
    private static long SoleInputBytes(ComputationGraph g, int v)
    {
        long sum = 0;
        foreach (int t in g.Inputs(v))
        {
            if (g.Consumers(t).Length == 1 && !g.IsResident(t) && !g.IsGraphOutput(t))
            {
                sum += g.TensorSize(t);
            }
        }
        return sum;
    }

    private static double[] Bytes(ComputationGraph g, Func<ComputationGraph, int, long> bytes)
    {
        var x = new double[g.OpCount];
        for (int v = 0; v < x.Length; v++)
        {
            x[v] = bytes(g, v);
        }
        return x;
    }

    private static double[] Counts(ComputationGraph g, Func<ComputationGraph, int, int> count)
    {
        var x = new double[g.OpCount];
        for (int v = 0; v < x.Length; v++)
        {
            x[v] = count(g, v);
        }
        return x;
    }

    private static double[] ToDouble(int[] values) => Array.ConvertAll(values, v => (double)v);

    /// <summary>Divides by the mean, so a typical op has 1 whatever the byte scale.</summary>
    private static double[] ByMean(double[] x)
    {
        double mean = x.Length == 0 ? 0 : x.Average();
        return mean > 0 ? Array.ConvertAll(x, v => v / mean) : x;
    }

    private static double[] ByMax(double[] x)
    {
        double max = x.Length == 0 ? 0 : x.Max();
        return max > 0 ? Array.ConvertAll(x, v => v / max) : x;
    }

    private static double[] ByCount(double[] x, int n) => n > 1 ? Array.ConvertAll(x, v => v / (n - 1)) : x;
}
