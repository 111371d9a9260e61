using System.Diagnostics;
using System.Globalization;
using Scheduler.Build.Planner;
using Scheduler.Graphs;
using Scheduler.Graphs.Formats;

// Exit codes, as the Scheduler.Build targets read them: 0 — the plan file holds a plan; 2 — the plan file holds the
// error (a bad graph or bad metadata; the generator reports it as SCHED001/SCHED004); 2 without a plan file — the
// command line itself is wrong; 1 — an internal error (one line on stderr, and no new plan file).
PlanRequest request;
try
{
    request = PlanRequest.Parse(args);
}
catch (PlanUsageException ex)
{
    Console.Error.WriteLine($"Scheduler.Build.Planner: {ex.Message}");
    if (ex.PlanPath is not null)
    {
        AtomicFile.WriteAllText(ex.PlanPath, PlanJson.WriteError(PlanError.FromOptions(ex.Message)));
    }
    return 2;
}

try
{
    var clock = Stopwatch.StartNew();
    var plan = GraphPlanner.Plan(request);
    AtomicFile.WriteAllText(request.PlanPath, PlanJson.Write(plan));
    var best = plan.Result.Best;
    string proof = plan.Result.ProvenOptimal ? "proven optimal" : $"bound {plan.LowerBoundBytes} B";
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Scheduler.Build: {request.GraphPath}: peak {best.PeakBytes} B ({proof}), arena {plan.Arena.ArenaBytes} B, won by {best.Scheduler}, {clock.Elapsed.TotalSeconds:F2} s"));
    return 0;
}
catch (Exception ex) when (ex is GraphFormatException or PlanUsageException)
{
    var error = ex is GraphFormatException format ? PlanError.FromGraph(format, request.GraphPath) : PlanError.FromOptions(ex.Message);
    AtomicFile.WriteAllText(request.PlanPath, PlanJson.WriteError(error));
    Console.WriteLine($"Scheduler.Build: {request.GraphPath}: {error.Message}");
    return 2;
}
catch (Exception ex) when (ex is not OutOfMemoryException)
{
    Console.Error.WriteLine($"Scheduler.Build.Planner: internal error planning {request.GraphPath}: {ex.GetType().Name}: {ex.Message}");
    if (Environment.GetEnvironmentVariable("SCHEDULER_BUILD_VERBOSE") == "1")
    {
        Console.Error.WriteLine(ex);
    }
    return 1;
}
