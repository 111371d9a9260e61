using Scheduler.Graphs;
using Scheduler.Graphs.Topology;

namespace Scheduler.Pass.Adaptive;

/// <summary>
/// What the adaptive portfolio knows about a graph before it chooses methods: its size and shape, computed in linear
/// time, and how far the best cheap heuristic is from the lower bound (known once the heuristics, which cost almost
/// nothing, have run). <see cref="Class"/> buckets them into the graph family a posterior is kept for.
/// </summary>
/// <param name="Ops">Op count.</param>
/// <param name="EdgesPerOp">Edges per op (edge density).</param>
/// <param name="Depth">Ops on the longest path.</param>
/// <param name="ResidentFraction">Resident bytes over the heuristic peak: the share of the peak no order changes.</param>
/// <param name="StartGap">(heuristic peak − lower bound) / heuristic peak: the most any method can still gain; 1 when
/// the bound does not hold (in-place model).</param>
public sealed record GraphTraits(int Ops, double EdgesPerOp, int Depth, double ResidentFraction, double StartGap)
{
    /// <summary>Op counts that split the size classes: up to 256, 768, 1536, and above.</summary>
    public static IReadOnlyList<int> SizeLimits { get; } = [256, 768, 1536];

    /// <summary>Start gaps that split the gap classes: below 1 %, below 10 %, and above.</summary>
    public static IReadOnlyList<double> GapLimits { get; } = [0.01, 0.10];

    /// <summary>Ops per level (ops / depth) at or below which a graph counts as narrow (chains of blocks: transformer
    /// layers, ResNets); layered and random graphs are wider.</summary>
    public const double NarrowWidth = 4;

    /// <summary>Average ops per level of the longest path.</summary>
    public double Width => Depth == 0 ? 0 : (double)Ops / Depth;

    /// <summary>The class key: size bucket, narrow or wide, gap bucket (ASCII, e.g. <c>ops&lt;=768/wide/gap&gt;=10%</c>).</summary>
    public string Class
    {
        get
        {
            int size = SizeLimits.Count(limit => Ops > limit);
            string sizeName = size < SizeLimits.Count ? $"ops<={SizeLimits[size]}" : $"ops>{SizeLimits[^1]}";
            int gap = GapLimits.Count(limit => StartGap >= limit);
            string gapName = gap < GapLimits.Count ? $"gap<{Percent(GapLimits[gap])}" : $"gap>={Percent(GapLimits[^1])}";
            return $"{sizeName}/{(Width <= NarrowWidth ? "narrow" : "wide")}/{gapName}";
        }
    }

    private static string Percent(double fraction) => $"{(int)Math.Round(fraction * 100)}%";

    /// <summary>The traits of <see cref="GraphAnalysis.Graph"/> given the best heuristic peak
    /// <paramref name="startPeak"/>; <paramref name="boundHolds"/> is false under a model the bound does not cover.</summary>
    public static GraphTraits Of(GraphAnalysis analysis, long startPeak, bool boundHolds)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var graph = analysis.Graph;
        int[] depth = TopologicalSort.DepthFromSources(graph);
        int levels = depth.Length == 0 ? 0 : depth.Max() + 1;
        double gap = !boundHolds ? 1 : startPeak <= 0 ? 0 : Math.Max(0, startPeak - analysis.LowerBound) / (double)startPeak;
        double resident = startPeak <= 0 ? 0 : Math.Min(1, graph.ResidentBytes / (double)startPeak);
        return new GraphTraits(graph.OpCount, graph.OpCount == 0 ? 0 : graph.EdgeCount / (double)graph.OpCount, levels, resident, gap);
    }
}
