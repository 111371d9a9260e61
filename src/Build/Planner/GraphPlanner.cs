using Scheduler.Graphs;
using Scheduler.Graphs.Formats;
using Scheduler.Graphs.Formats.Onnx;
using Scheduler.Pass;

namespace Scheduler.Build.Planner;

/// <summary>Reads one graph, runs the pass over the requested methods and assigns arena offsets to the winner (the
/// smaller of the greedy-by-size and greedy-by-breadth plans).</summary>
public static class GraphPlanner
{
    /// <summary>Plans <paramref name="request"/>'s graph.</summary>
    /// <exception cref="GraphFormatException">The graph file is missing, of an unknown kind, or invalid (malformed,
    /// cyclic, an unknown shape); the message names the file and the place.</exception>
    /// <exception cref="PlanUsageException">A method id is unknown.</exception>
    public static BuildPlan Plan(PlanRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckMethods(request.Methods);
        var graph = Read(request);
        var options = request.PassOptions;
        var result = MemorySchedulingPass.CreateDefault().Run(graph, options, cancellationToken);
        // Both greedy strategies, the smaller arena wins: managed code only (CP-SAT's native library is not shipped with
        // the build package), and neither greedy dominates (greedy-size leaves 11% on vit_b_16 under views, docs/results/views.md).
        var problem = ArenaPlanner.Problem(graph, result.Best.Order.AsSpan(), options.Memory);
        var arena = ArenaPlanner.Plan(problem, ArenaPlanner.GreedyStrategies, options.Memory, cancellationToken);
        return new BuildPlan(request, graph, result, arena);
    }

    /// <summary>Reads a JSON graph or an ONNX model (with the request's ONNX options) by its extension.</summary>
    /// <exception cref="GraphFormatException">The file is missing, of an unknown kind, or invalid.</exception>
    public static ComputationGraph Read(PlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string path = request.GraphPath;
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".json" => JsonGraphReader.ReadFile(path, request.JsonViewOps),
            ".onnx" => OnnxGraphReader.Read(path, request.Onnx).Graph,
            _ => throw new GraphFormatException($"{path}: unknown graph format (expected .json or .onnx)"),
        };
    }

    private static void CheckMethods(IEnumerable<string> methods)
    {
        foreach (string id in methods)
        {
            if (id is not ("input" or "best") && !MethodCatalog.TryGet(id, out _))
            {
                string known = string.Join(", ", MethodCatalog.Members.Select(d => d.Name));
                throw new PlanUsageException($"Unknown method '{id}' in Methods. Known methods: {known}.", null);
            }
        }
    }
}
