using Microsoft.CodeAnalysis;

namespace Scheduler.Build;

/// <summary>
/// The diagnostics of Scheduler.Build. Ids are stable (AnalyzerReleases.Shipped.md); each is located at the graph
/// file (with a line and column where the planner knows one), so <c>dotnet build</c> prints
/// <c>graphs/x.json(3,5): error SCHED001: …</c>.
/// </summary>
internal static class SchedulerDiagnostics
{
    private const string Category = "Scheduler.Build";

    /// <summary>The graph file cannot be read: malformed, a cycle (its nodes named), an unknown shape, missing.</summary>
    public static readonly DiagnosticDescriptor GraphUnreadable = new(
        "SCHED001", "Graph cannot be read", "Cannot plan {0}: {1}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "The planner could not read the graph file; fix the file at the place the message names.");

    /// <summary>The plan needs more than <c>SchedulerMemoryBudget</c>.</summary>
    public static readonly DiagnosticDescriptor OverBudget = new(
        "SCHED002", "Plan exceeds the memory budget", "{0} needs {1} bytes of arena (peak {2} bytes), over SchedulerMemoryBudget {3} bytes",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        description: "The planned arena (or the peak) is larger than the project's SchedulerMemoryBudget property.");

    /// <summary>The plan is not proven optimal; the message gives the gap to the lower bound.</summary>
    public static readonly DiagnosticDescriptor NotProven = new(
        "SCHED003", "Plan not proven optimal", "{0}: peak {1} bytes (by {2}) is not proven optimal; the lower bound is {3} bytes, a gap of {4} bytes ({5}){6}",
        Category, DiagnosticSeverity.Info, isEnabledByDefault: true,
        description: "No method proved the order optimal. Raise Effort or add methods to narrow the gap.");

    /// <summary>A <c>SchedulerGraph</c> item or setting is wrong: class name, method id, effort, dims, budget.</summary>
    public static readonly DiagnosticDescriptor BadItem = new(
        "SCHED004", "Bad SchedulerGraph item or setting", "{0}: {1}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "A SchedulerGraph item's metadata (ClassName, Methods, Effort, InPlace, Dims, UnknownSize, FreeableInputs) or SchedulerMemoryBudget is invalid.");

    /// <summary>A method failed at build time (for example a native library the build-time planner does not ship).</summary>
    public static readonly DiagnosticDescriptor MethodFailed = new(
        "SCHED005", "A method failed at build time", "{0}: method '{1}' failed at build time and was skipped: {2}",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        description: "The pass skipped a method that threw; the plan comes from the other methods.");

    /// <summary>The plan file is missing, unreadable, or from a planner this generator does not read.</summary>
    public static readonly DiagnosticDescriptor PlanUnreadable = new(
        "SCHED006", "Plan file missing or unreadable", "{0}: the plan file {1} {2}; rebuild to rerun the planner",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "The generator reads the plan file the Scheduler.Build targets write under obj/; it was missing or not a plan.");

    /// <summary>All descriptors, by id.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = [GraphUnreadable, OverBudget, NotProven, BadItem, MethodFailed, PlanUnreadable];
}
