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
    /// <summary>Runs <paramref name="method"/>; never throws for a failing method (only for cancellation).</summary>
    public static CandidateResult Run(SchedulerDescriptor method, ComputationGraph graph, SchedulerSettings settings, CancellationToken cancellationToken = default)
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
            long peak = MemoryModel.Evaluate(graph, result.Order);
            string status = scheduler is ISolvingScheduler ? StatusName(result.Status) : "ok";
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

    /// <summary>The candidate for the graph's own order (repaired to the nearest topological order if the file's is not).</summary>
    public static CandidateResult InputOrder(ComputationGraph graph)
    {
        var clock = Stopwatch.StartNew();
        var order = new InputOrderScheduler().Order(graph);
        long peak = MemoryModel.Evaluate(graph, order);
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
