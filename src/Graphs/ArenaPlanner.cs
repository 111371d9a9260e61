using System.Collections.Immutable;
using Scheduler.Graphs.Arena;

namespace Scheduler.Graphs;

/// <summary>
/// Assigns every non-resident tensor an offset in one arena for a given order — the "arena size after offset
/// assignment" option of docs/DESIGN.md §2, which shows what fragmentation adds on top of the live-byte peak. The
/// lifetimes come from the order (<see cref="Problem"/>); the offsets from one or more <see cref="IOffsetStrategy"/>s,
/// of which the smallest arena wins.
/// </summary>
/// <remarks>
/// <para>Lifetimes and the peak are read off <see cref="MemorySimulator"/> running the order (it also decides in-place
/// reuse), so they follow the memory model exactly: a buffer lives from its producer's step to its last consumer's
/// step; graph outputs to the last step; an output nobody reads only during its producer's step; freeable inputs from
/// step 0 to their last consumer. Under in-place reuse an output that took over a dying input's storage joins that
/// input's buffer, which then lives on to the output's end. So at every step the live buffers' sizes sum to the
/// model's step memory (tested), and the arena is at least the peak.</para>
/// <para>Strategies: <see cref="GreedyBySizeOffsets"/> and <see cref="GreedyByBreadthOffsets"/> here; an exact CP-SAT
/// model in Scheduler.Baselines (it needs OR-Tools, which this project does not reference). Each strategy after the
/// first gets the best assignment so far, so an improving strategy listed last starts from the best greedy one.</para>
/// </remarks>
public static class ArenaPlanner
{
    /// <summary>The strategies that need nothing outside this project, in the order <see cref="Plan(ComputationGraph, ReadOnlySpan{int}, MemoryModelOptions?)"/>
    /// has always used first: greedy by size, then greedy by breadth.</summary>
    public static IReadOnlyList<IOffsetStrategy> GreedyStrategies { get; } = [GreedyBySizeOffsets.Instance, GreedyByBreadthOffsets.Instance];

    /// <summary>Plans the arena for a valid <paramref name="order"/> under <paramref name="options"/> (null: the
    /// default model) with greedy by size and no alignment.</summary>
    /// <exception cref="InvalidScheduleException">The order is not a permutation or violates an edge.</exception>
    public static ArenaPlan Plan(ComputationGraph graph, ReadOnlySpan<int> order, MemoryModelOptions? options = null)
        => Plan(Problem(graph, order, options), [GreedyBySizeOffsets.Instance], options);

    /// <summary>The blocks and lifetimes of <paramref name="order"/> under <paramref name="options"/> (null: the default
    /// model), with every offset to be a multiple of <paramref name="alignment"/>.</summary>
    /// <exception cref="InvalidScheduleException">The order is not a permutation or violates an edge.</exception>
    /// <exception cref="ArgumentException"><paramref name="alignment"/> is below 1.</exception>
    public static ArenaProblem Problem(ComputationGraph graph, ReadOnlySpan<int> order, MemoryModelOptions? options = null, long alignment = 1)
    {
        Guard.That(alignment >= 1, nameof(alignment), $"Alignment {alignment} must be at least 1 byte.");
        options ??= MemoryModelOptions.Default;
        MemoryModel.Validate(graph, order);
        var (first, last, size, tensorBuffer, peak) = Lifetimes(graph, order, options);
        return new ArenaProblem([.. first], [.. last], [.. size], [.. tensorBuffer], order.Length, peak, alignment);
    }

    /// <summary>Runs <paramref name="strategies"/> in turn on <paramref name="problem"/>, each after the first given the
    /// best assignment so far, and keeps the smallest arena (ties: the earlier strategy). Stops early once an assignment
    /// is proven (reaches the lower bound): no strategy can beat it.</summary>
    /// <param name="problem">From <see cref="Problem"/>.</param>
    /// <param name="strategies">At least one.</param>
    /// <param name="options">The memory model the problem was built under (recorded in the plan; null: the default).</param>
    /// <param name="cancellationToken">Passed to each strategy.</param>
    /// <exception cref="InvalidOperationException">A strategy returned offsets that break the contract (a bug in it).</exception>
    public static ArenaPlan Plan(ArenaProblem problem, IReadOnlyList<IOffsetStrategy> strategies, MemoryModelOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(strategies);
        Guard.That(strategies.Count > 0, nameof(strategies), "At least one offset strategy is needed.");
        var tried = ImmutableArray.CreateBuilder<OffsetAssignment>(strategies.Count);
        OffsetAssignment? best = null;
        foreach (var strategy in strategies)
        {
            if (best is { Proven: true })
            {
                break;
            }
            var assignment = strategy.Assign(problem, best, cancellationToken);
            if (problem.Problem(assignment.Offsets.AsSpan()) is string why)
            {
                throw new InvalidOperationException($"offset strategy '{strategy.Name}' returned an invalid plan: {why}");
            }
            tried.Add(assignment);
            if (best is null || assignment.ArenaBytes < best.ArenaBytes)
            {
                best = assignment;
            }
        }
        var buffers = ImmutableArray.CreateBuilder<ArenaBuffer>(problem.Count);
        for (int b = 0; b < problem.Count; b++)
        {
            buffers.Add(new ArenaBuffer(best!.Offsets[b], problem.Size[b], problem.First[b], problem.Last[b]));
        }
        return new ArenaPlan(buffers.MoveToImmutable(), problem.TensorBuffers, best!.ArenaBytes, problem.PeakBytes,
            options ?? MemoryModelOptions.Default, best, problem.Alignment, problem.LowerBound, tried.ToImmutable());
    }

    /// <summary>
    /// Runs the order through the simulator and reads every buffer's lifetime off it: a buffer opens when its tensor is
    /// made (freeable inputs that someone reads: at step 0) and closes at the step where the simulator ends its last
    /// tensor, or at the last step if it never does (graph outputs). Also returns the simulator's peak.
    /// </summary>
    private static (List<int> First, List<int> Last, List<long> Size, int[] TensorBuffer, long Peak) Lifetimes(
        ComputationGraph graph, ReadOnlySpan<int> order, MemoryModelOptions options)
    {
        int n = order.Length;
        var first = new List<int>();
        var last = new List<int>();
        var size = new List<long>();
        var tensorBuffer = new int[graph.TensorCount];
        Array.Fill(tensorBuffer, -1);
        void Open(int tensor, int step)
        {
            tensorBuffer[tensor] = size.Count;
            first.Add(step);
            last.Add(n - 1);
            size.Add(graph.TensorSize(tensor));
        }
        for (int t = 0; t < graph.TensorCount; t++)
        {
            // Exactly the tensors the simulator counts as live before the first step.
            if (graph.IsFreeableInput(t) && graph.Consumers(t).Length > 0)
            {
                Open(t, 0);
            }
        }
        var sim = new MemorySimulator(graph, options);
        var donors = new int[16];
        var ended = new List<int>();
        for (int i = 0; i < n; i++)
        {
            int op = order[i];
            var outputs = graph.Outputs(op);
            if (donors.Length < outputs.Length)
            {
                donors = new int[outputs.Length];
            }
            var given = donors.AsSpan(0, outputs.Length);
            ended.Clear();
            sim.Execute(op, given, ended);
            for (int k = 0; k < outputs.Length; k++)
            {
                if (given[k] >= 0)
                {
                    // In place or a view: the source's buffer lives on as this output too (and closes when the
                    // simulator frees it, after the last use of any tensor sharing it). A view of a resident tensor has none.
                    tensorBuffer[outputs[k]] = tensorBuffer[given[k]];
                    continue;
                }
                Open(outputs[k], i);
            }
            foreach (int t in ended)
            {
                last[tensorBuffer[t]] = i;
            }
        }
        return (first, last, size, tensorBuffer, sim.PeakBytes);
    }
}
