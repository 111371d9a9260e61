namespace Scheduler.Build.Planner;

/// <summary>The planner's command line is wrong: a missing argument, an unknown option or a bad value (a
/// <c>SchedulerGraph</c> item's metadata, as the targets pass it on).</summary>
public sealed class PlanUsageException : Exception
{
    /// <summary>Creates the exception; <paramref name="message"/> names the bad argument or value.</summary>
    public PlanUsageException(string message, string? planPath) : base(message)
    {
        PlanPath = planPath;
    }

    /// <summary>The <c>--out</c> path when it was parsed before the problem, else null.</summary>
    public string? PlanPath { get; }
}
