namespace Scheduler.Graphs;

/// <summary>
/// A verified order a search or exact method starts from (and falls back to), with its peak under the memory model in
/// force and the method that produced it. The pass hands every improving method the best order it holds so far.
/// </summary>
/// <param name="Order">The order (op indices).</param>
/// <param name="Peak">Its peak bytes under the memory model in force.</param>
/// <param name="Source">Name of the method that produced it.</param>
public sealed record StartOrder(int[] Order, long Peak, string Source)
{
    /// <summary>Validates and scores <paramref name="order"/> under <paramref name="memory"/> (null: the default model).</summary>
    /// <exception cref="InvalidScheduleException">The order is not a topological order of the graph.</exception>
    public static StartOrder Of(ComputationGraph graph, int[] order, string source, MemoryModelOptions? memory = null)
    {
        Guard.NotNull(graph, nameof(graph));
        MemoryModel.Validate(graph, order);
        return new StartOrder(order, MemoryModel.Evaluate(graph, order, memory), source);
    }

    /// <summary>
    /// When this order already meets the graph's lower bound it is optimal and a solver has nothing to do: the result
    /// to return, else null. <paramref name="solver"/> names the method in the message.
    /// </summary>
    public SolveResult? OptimalIfAtBound(long lowerBound, string solver)
        => Peak <= lowerBound
            ? new SolveResult(Order, SolveStatus.Optimal, Peak, $"{solver}: the start order ({Source}) meets the lower bound {lowerBound}.")
            : null;
}
