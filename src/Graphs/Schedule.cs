using System.Collections.Immutable;

namespace Scheduler.Graphs;

/// <summary>A verified order with the peak the memory model gives it.</summary>
/// <param name="Order">Op indices in execution order.</param>
/// <param name="PeakBytes">Peak of non-resident live bytes under <see cref="MemoryModel"/> (with the options it was
/// created with; the default model unless stated).</param>
/// <param name="Scheduler">Name of the method that produced the order.</param>
public sealed record Schedule(ImmutableArray<int> Order, long PeakBytes, string Scheduler)
{
    /// <summary>Validates <paramref name="order"/> against <paramref name="graph"/> and scores it under the model with
    /// <paramref name="options"/> (null: the default model).</summary>
    /// <exception cref="InvalidScheduleException">The order is not a permutation or violates an edge.</exception>
    public static Schedule Create(ComputationGraph graph, IReadOnlyList<int> order, string scheduler, MemoryModelOptions? options = null)
    {
        Guard.NotNull(graph, nameof(graph));
        Guard.NotNull(order, nameof(order));
        var array = order.ToArray();
        long peak = MemoryModel.Evaluate(graph, array, options);
        return new Schedule(ImmutableArray.Create(array), peak, scheduler);
    }
}
