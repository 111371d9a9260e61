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
    /// <summary>Runs <paramref name="method"/> and scores its order under the model with <paramref name="memory"/>
    /// (null: the default model; the method itself only returns an order); never throws for a failing method (only for
    /// cancellation).</summary>
    public static CandidateResult Run(SchedulerDescriptor method, ComputationGraph graph, SchedulerSettings settings, CancellationToken cancellationToken = default, MemoryModelOptions? memory = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(graph);
        var clock = Stopwatch.StartNew();
        try
        {
            var scheduler = method.Create(settings);
            SolveResult result = scheduler is ISolvingScheduler solver
                ? solver.Solve(graph, cancellationToken)
                : new SolveResult(scheduler.Order(graph, cancellationToken), SolveStatus.Feasible);
            double elapsed = clock.Elapsed.TotalMilliseconds;
            if (!MemoryModel.IsValid(graph, result.Order, out string? problem))
            {
                return new CandidateResult(method.Name, null, null, elapsed, "failed", $"invalid order: {problem}");
            }
            long peak = MemoryModel.Evaluate(graph, result.Order, memory);
            string status = scheduler is ISolvingScheduler ? StatusName(result.Status) : "ok";
            if (memory is { InPlace: true } && scheduler is ISolvingScheduler)
            {
                // Solvers optimise and prove bounds under the default model; under in-place reuse their order is only
                // a feasible one, and their bound is not a lower bound at all.
                string claim = result.Status == SolveStatus.Optimal ? "optimal" : status;
                return new CandidateResult(method.Name, result.Order, peak, elapsed, result.Status == SolveStatus.GaveUp ? status : "feasible",
                    $"{claim} under the default model, re-scored in place{(result.Message is null ? "" : $": {result.Message}")}");
            }
            return new CandidateResult(method.Name, result.Order, peak, elapsed, status, result.Message, result.ProvenLowerBound);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new CandidateResult(method.Name, null, null, clock.Elapsed.TotalMilliseconds, "failed", $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>The candidate for the graph's own order (repaired to the nearest topological order if the file's is not),
    /// scored under the model with <paramref name="memory"/> (null: the default model).</summary>
    public static CandidateResult InputOrder(ComputationGraph graph, MemoryModelOptions? memory = null)
    {
        var clock = Stopwatch.StartNew();
        var order = new InputOrderScheduler().Order(graph);
        long peak = MemoryModel.Evaluate(graph, order, memory);
        return new CandidateResult("input", order, peak, clock.Elapsed.TotalMilliseconds, "ok");
    }

    /// <summary>Kebab-case status names used in reports and JSON.</summary>
    public static string StatusName(SolveStatus status) => status switch
    {
        SolveStatus.Optimal => "optimal",
        SolveStatus.Feasible => "feasible",
        _ => "gave-up",
    };
}
