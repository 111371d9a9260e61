using System.Diagnostics;
using Scheduler.Baselines.Heuristics;
using Scheduler.Graphs;

namespace Scheduler.Pass;

/// <summary>
/// Runs one method on one graph the way the pass and comparisons both need it: timed, every exception caught and
/// reported (the Inductor/XLA pattern: a failing scheduler is logged and skipped), and the order verified and scored
/// by <see cref="MemoryModel"/> — a scheduler's own opinion of its peak is never used.
/// </summary>
public static class MethodRunner
{
    /// <summary>
    /// Runs <paramref name="method"/> on <see cref="GraphAnalysis.Graph"/>, an improving method starting from
    /// <paramref name="start"/> (null: its own start heuristics), ordering for and scoring under the analysis's memory
    /// model (<see cref="GraphAnalysis.Memory"/>, which replaces <paramref name="settings"/>' own). Never throws for a
    /// failing method, only for cancellation through <paramref name="cancellationToken"/>.
    /// </summary>
    public static CandidateResult Run(SchedulerDescriptor method, GraphAnalysis analysis, StartOrder? start, SchedulerSettings settings,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(settings);
        var graph = analysis.Graph;
        var memory = analysis.Memory;
        var clock = Stopwatch.StartNew();
        try
        {
            var scheduler = method.Create(settings with { Memory = memory });
            SolveResult result = scheduler is ISolvingScheduler solver
                ? solver.Solve(analysis, start, cancellationToken)
                : new SolveResult(scheduler.Order(graph, cancellationToken), SolveStatus.Feasible);
            double elapsed = clock.Elapsed.TotalMilliseconds;
            if (!MemoryModel.IsValid(graph, result.Order, out string? problem))
            {
                return new CandidateResult(method.Name, null, null, elapsed, CandidateStatus.Failed, $"invalid order: {problem}");
            }
            long peak = MemoryModel.Evaluate(graph, result.Order, memory);
            var status = scheduler is ISolvingScheduler ? StatusOf(result) : CandidateStatus.Ok;
            return new CandidateResult(method.Name, result.Order, peak, elapsed, status, result.Message, result.ProvenLowerBound)
            {
                Work = result.Work,
                Trace = EndsAt(result.Trace, peak),
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (NotSupportedException ex)
        {
            return new CandidateResult(method.Name, null, null, clock.Elapsed.TotalMilliseconds, CandidateStatus.Skipped, ex.Message);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new CandidateResult(method.Name, null, null, clock.Elapsed.TotalMilliseconds, CandidateStatus.Failed, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>The candidate for the graph's own order (repaired to the nearest topological order if the file's is not),
    /// scored under the model with <paramref name="memory"/> (null: the default model).</summary>
    public static CandidateResult InputOrder(ComputationGraph graph, MemoryModelOptions? memory = null)
    {
        var clock = Stopwatch.StartNew();
        var order = new InputOrderScheduler().Order(graph);
        long peak = MemoryModel.Evaluate(graph, order, memory);
        return new CandidateResult("input", order, peak, clock.Elapsed.TotalMilliseconds, CandidateStatus.Ok);
    }

    /// <summary>The trace when its last point is the verified peak; a curve that ends elsewhere was not scored by the one
    /// memory model, so it is dropped rather than reported.</summary>
    private static IReadOnlyList<AnytimePoint>? EndsAt(IReadOnlyList<AnytimePoint>? trace, long peak)
        => trace is { Count: > 0 } && trace[^1].PeakBytes == peak ? trace : null;

    private static CandidateStatus StatusOf(SolveResult result) => result switch
    {
        { Status: SolveStatus.Optimal } => CandidateStatus.Optimal,
        { Capped: true } => CandidateStatus.Capped,
        { Status: SolveStatus.GaveUp } => CandidateStatus.GaveUp,
        _ => CandidateStatus.Feasible,
    };
}
