using Scheduler.Graphs;

namespace Scheduler.Pass.Compare;

/// <summary>
/// <c>compare --arena STRATEGY</c>: plan buffer offsets for every row's order (docs/DESIGN.md §2.1) with one offset
/// strategy of <see cref="ArenaCatalog"/> (or all of them, <see cref="ArenaCatalog.Best"/>) and report the arena
/// beside the live peak. Rows of one graph with the same order share one plan (strategies are deterministic, so
/// planning it again would give the same offsets).
/// </summary>
/// <param name="Strategy">An id of <see cref="ArenaCatalog.Ids"/>.</param>
/// <param name="Alignment">Every offset is a multiple of it (bytes, at least 1).</param>
public sealed record CompareArena(string Strategy, int Alignment = 1)
{
    /// <summary>Plans <paramref name="order"/>'s arena under <paramref name="memory"/>; <paramref name="settings"/> give
    /// CP-SAT its effort, seed and safety cap.</summary>
    public ArenaPlan Plan(ComputationGraph graph, int[] order, MemoryModelOptions memory, SchedulerSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        var problem = ArenaPlanner.Problem(graph, order, memory, Alignment);
        return ArenaPlanner.Plan(problem, ArenaCatalog.Create(Strategy, settings), memory, ct);
    }
}
