using Scheduler.Graphs;
using Scheduler.Graphs.Topology;

namespace Scheduler.Baselines.Heuristics;

/// <summary>
/// <c>random</c>: a seeded random topological order (Kahn's algorithm, CACM 1962, picking a uniformly random ready op
/// at each step), or with <c>samples</c> &gt; 1 the best of that many orders by <see cref="MemoryModel.Evaluate"/>:
/// the floor any learned or greedy method should beat. It is the only heuristic that scores orders itself, because
/// best-of-K is its definition; the earliest sample wins ties. O(K·(V + E)).
/// </summary>
public sealed class RandomScheduler : IScheduler
{
    private readonly int _seed;
    private readonly int _samples;
    private readonly MemoryModelOptions _memory;

    /// <summary>Creates the scheduler.</summary>
    /// <param name="seed">Seed of the random stream; the same seed gives the same order.</param>
    /// <param name="samples">How many orders to draw (at least 1); the lowest peak is returned.</param>
    /// <param name="memory">The memory model the samples are compared under (null: the default model).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="samples"/> is less than 1.</exception>
    public RandomScheduler(int seed = 0, int samples = 1, MemoryModelOptions? memory = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        _memory = memory ?? MemoryModelOptions.Default;
        _seed = seed;
        _samples = samples;
    }

    /// <inheritdoc/>
    public string Name => "random";

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is null.</exception>
    public int[] Order(ComputationGraph graph, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        cancellationToken.ThrowIfCancellationRequested();
        var random = new Random(_seed);
        int[] best = Sample(graph, random);
        if (_samples == 1)
        {
            return best;
        }
        long bestPeak = MemoryModel.Evaluate(graph, best, _memory);
        for (int k = 1; k < _samples; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int[] order = Sample(graph, random);
            long peak = MemoryModel.Evaluate(graph, order, _memory);
            if (peak < bestPeak)
            {
                best = order;
                bestPeak = peak;
            }
        }
        return best;
    }

    private static int[] Sample(ComputationGraph graph, Random random)
    {
        int n = graph.OpCount;
        var tracker = new ReadyTracker(graph);
        var ready = new int[n];
        int count = 0;
        foreach (int v in tracker.Sources)
        {
            ready[count++] = v;
        }
        var order = new int[n];
        for (int step = 0; step < n; step++)
        {
            // Swap-remove keeps the pick O(1); the ready array's layout is deterministic, so the seed fixes the order.
            int i = random.Next(count);
            int u = ready[i];
            ready[i] = ready[--count];
            order[step] = u;
            foreach (int w in tracker.Run(u))
            {
                ready[count++] = w;
            }
        }
        return order;
    }
}
