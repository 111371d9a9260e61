namespace Scheduler.Graphs;

/// <summary>
/// The seam every ordering method sits behind. An implementation returns an order of op indices and nothing else:
/// memory is always scored by <see cref="MemoryModel"/>, never by the scheduler itself.
/// </summary>
public interface IScheduler
{
    /// <summary>Stable kebab-case id, also the CLI's method id.</summary>
    string Name { get; }

    /// <summary>Returns a topological order of <paramref name="graph"/>'s ops (dense indices 0..N-1).</summary>
    int[] Order(ComputationGraph graph, CancellationToken cancellationToken = default);
}
