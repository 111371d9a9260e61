using Scheduler.Baselines.Heuristics;
using Scheduler.Graphs;

namespace Scheduler.Baselines;

/// <summary>
/// Every heuristic baseline (docs/DESIGN.md §4) as a descriptor the CLI and the pass can list and create. All are cheap
/// (O((V + E) log V) or better) and deterministic; <c>random</c> reads the seed and samples, and the three that
/// measure memory (<c>random</c>, <c>lpmf</c>, <c>xla-list</c>) the memory model in force; the others order by structure.
/// </summary>
public static class HeuristicCatalog
{
    /// <summary>The kind every entry carries.</summary>
    private const MethodKind Kind = MethodKind.Heuristic;

    /// <summary>The heuristics in the order the pass should try them (input first: it wins ties).</summary>
    public static IReadOnlyList<SchedulerDescriptor> All { get; } =
    [
        new("input", "The graph's own op order (made topological if the file's is not).", Kind,
            _ => new InputOrderScheduler()),
        new("bfs", "Kahn's algorithm with a FIFO queue seeded in input order.", Kind,
            _ => new BfsScheduler()),
        new("dfs", "Reverse post-order of a DFS over successors: one branch finished before the next.", Kind,
            _ => new DfsScheduler()),
        new("random", "Seeded random topological order; best of --samples orders.", Kind,
            s => new RandomScheduler(s.Seed, Math.Max(1, s.Samples), s.Model)),
        new("lpmf", "Least peak memory first (PyTorch Inductor): best net bytes among ops fitting under the peak.", Kind,
            s => new LpmfScheduler(s.Model)),
        new("inductor-bfs", "PyTorch Inductor's BFS: ready op whose predecessors ran earliest.", Kind,
            _ => new InductorBfsScheduler()),
        new("inductor-dfs", "PyTorch Inductor's DFS: subtrees touching fewer bytes first.", Kind,
            _ => new InductorDfsScheduler()),
        new("xla-list", "XLA's list scheduler: bytes freed minus bytes defined, then users.", Kind,
            s => new XlaListScheduler(s.Model)),
        new("xla-dfs", "XLA's DFS scheduler: operands with more transitive users and bytes first.", Kind,
            _ => new XlaDfsScheduler()),
        new("post-order", "DFS post-order from the sinks over operands in input order (XLA's PostOrder).", Kind,
            _ => new PostOrderScheduler()),
    ];
}
