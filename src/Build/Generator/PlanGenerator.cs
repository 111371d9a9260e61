using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Scheduler.Build;

/// <summary>
/// Turns the plan files that the Scheduler.Build targets write (one per <c>SchedulerGraph</c> item, passed as
/// AdditionalFiles with <c>SchedulerPlan="true"</c>) into <c>Scheduler.Generated.NAME</c> classes, and reports the
/// plans' diagnostics (SCHED001–SCHED006) at the graph files.
/// </summary>
/// <remarks>
/// The generator does no scheduling: the pass runs in the planner, in its own process, only when a graph or its
/// options change. Here a plan file is parsed again only when its text or the build options change, and its
/// <see cref="PlanOutput"/> compares by value, so an unchanged plan costs nothing downstream; the memory budget is
/// applied after all plans are collected.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class PlanGenerator : IIncrementalGenerator
{
    /// <summary>The tracking name of the per-file step (tests check that it is cached).</summary>
    internal const string ReadStep = "ReadPlan";

    private const string Metadata = "build_metadata.AdditionalFiles.";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var plans = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select((pair, ct) => Read(pair.Left, pair.Right.GetOptions(pair.Left), ct))
            .Where(output => output is not null)
            .WithTrackingName(ReadStep)
            .Collect();
        var budget = context.AnalyzerConfigOptionsProvider
            .Select((options, _) => options.GlobalOptions.TryGetValue("build_property.SchedulerMemoryBudget", out string? b) ? b.Trim() : "");
        context.RegisterSourceOutput(plans.Combine(budget), (spc, input) => Emit(spc, input.Left, input.Right));
    }

    /// <summary>One plan file's class and diagnostics, or null when the file is not a plan file.</summary>
    internal static PlanOutput? Read(AdditionalText file, AnalyzerConfigOptions options, CancellationToken cancellationToken)
    {
        if (!options.TryGetValue(Metadata + "SchedulerPlan", out string? marker) || !string.Equals(marker, "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        string graphPath = Value(options, "SchedulerGraphPath", file.Path);
        string source = Value(options, "SchedulerGraphSource", Path.GetFileName(graphPath)).Replace('\\', '/');
        string given = Value(options, "SchedulerClassName", "");
        var item = new GraphItem(file.Path, graphPath, source, given.Length > 0 ? given : ClassNames.FromFileName(source), given.Length > 0);
        if (!ClassNames.IsValid(item.ClassName))
        {
            string why = item.ClassNameGiven
                ? $"ClassName '{item.ClassName}' is not a valid C# class name"
                : $"the file name gives the class name '{item.ClassName}', which is not a valid C# class name; set ClassName";
            return Failed(item, Stub: false, DiagnosticInfo.At(SchedulerDiagnostics.BadItem, graphPath, 0, 0, source, why));
        }
        var text = file.GetText(cancellationToken);
        if (text is null)
        {
            return Failed(item, Stub: true, DiagnosticInfo.At(SchedulerDiagnostics.PlanUnreadable, graphPath, 0, 0, source, file.Path, "is missing"));
        }
        PlanFile plan;
        try
        {
            plan = PlanFile.Parse(text.ToString());
        }
        catch (FormatException ex)
        {
            return Failed(item, Stub: true, DiagnosticInfo.At(SchedulerDiagnostics.PlanUnreadable, graphPath, 0, 0, source, file.Path, $"is not a plan ({ex.Message})"));
        }
        if (plan.Error is { } error)
        {
            var descriptor = error.Kind == "options" ? SchedulerDiagnostics.BadItem : SchedulerDiagnostics.GraphUnreadable;
            return Failed(item, Stub: true, DiagnosticInfo.At(descriptor, graphPath, error.Line, error.Column, source, error.Message));
        }
        return new PlanOutput(item, PlanSourceWriter.Write(item, plan), new EquatableArray<DiagnosticInfo>(PlanDiagnostics(item, plan)), true, plan.PeakBytes, plan.ArenaBytes);
    }

    private static PlanOutput Failed(GraphItem item, bool Stub, DiagnosticInfo diagnostic)
        => new(item, Stub ? PlanSourceWriter.WriteStub(item) : "", new EquatableArray<DiagnosticInfo>([diagnostic]), false, 0, 0);

    private static IEnumerable<DiagnosticInfo> PlanDiagnostics(GraphItem item, PlanFile plan)
    {
        foreach (var failure in plan.Failures)
        {
            yield return DiagnosticInfo.At(SchedulerDiagnostics.MethodFailed, item.GraphPath, 0, 0, item.Source, failure.Key, failure.Value);
        }
        if (!plan.Proven)
        {
            long gap = plan.PeakBytes - plan.LowerBoundBytes;
            string share = plan.LowerBoundBytes > 0 ? ((double)gap / plan.LowerBoundBytes).ToString("P1", CultureInfo.InvariantCulture) : "n/a";
            string note = (plan.MemoryModel == "in-place" ? "; under in-place reuse the bound is the no-reuse one, so nothing can be proven" : "")
                + (plan.Capped ? "; the wall-clock safety cap cut some methods short, so this plan may vary between builds" : "");
            yield return DiagnosticInfo.At(SchedulerDiagnostics.NotProven, item.GraphPath, 0, 0,
                item.Source, Num(plan.PeakBytes), plan.Method, Num(plan.LowerBoundBytes), Num(gap), share, note);
        }
    }

    private static void Emit(SourceProductionContext context, ImmutableArray<PlanOutput?> outputs, string budgetText)
    {
        long? budget = null;
        if (budgetText.Length > 0)
        {
            if (long.TryParse(budgetText, NumberStyles.None, CultureInfo.InvariantCulture, out long b) && b > 0)
            {
                budget = b;
            }
            else
            {
                context.ReportDiagnostic(DiagnosticInfo.At(SchedulerDiagnostics.BadItem, "", 0, 0, "SchedulerMemoryBudget",
                    $"'{budgetText}' is not a positive number of bytes").ToDiagnostic());
            }
        }
        var used = new Dictionary<string, string>(StringComparer.Ordinal);
        // Sorted, so that which of two same-named items wins does not depend on the order the compiler lists files in.
        foreach (var output in outputs.Select(o => o!).OrderBy(o => o.Item.ClassName, StringComparer.Ordinal).ThenBy(o => o.Item.Source, StringComparer.Ordinal))
        {
            foreach (var d in output.Diagnostics)
            {
                context.ReportDiagnostic(d.ToDiagnostic());
            }
            if (output.Code.Length == 0)
            {
                continue;
            }
            if (used.TryGetValue(output.Item.ClassName, out string? other))
            {
                context.ReportDiagnostic(DiagnosticInfo.At(SchedulerDiagnostics.BadItem, output.Item.GraphPath, 0, 0, output.Item.Source,
                    $"class name '{output.Item.ClassName}' is already used by {other}; set a different ClassName").ToDiagnostic());
                continue;
            }
            used.Add(output.Item.ClassName, output.Item.Source);
            context.AddSource(output.Item.ClassName + ".g.cs", output.Code);
            if (budget is long limit && output.Planned && Math.Max(output.ArenaBytes, output.PeakBytes) > limit)
            {
                context.ReportDiagnostic(DiagnosticInfo.At(SchedulerDiagnostics.OverBudget, output.Item.GraphPath, 0, 0,
                    output.Item.Source, Num(output.ArenaBytes), Num(output.PeakBytes), Num(limit)).ToDiagnostic());
            }
        }
    }

    private static string Value(AnalyzerConfigOptions options, string name, string fallback)
        => options.TryGetValue(Metadata + name, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : fallback;

    private static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);
}
