using System.Collections.Immutable;
using System.Globalization;
using Scheduler.Graphs;
using Scheduler.Graphs.Formats.Onnx;
using Scheduler.Pass;

namespace Scheduler.Build.Planner;

/// <summary>
/// One planner run, as the Scheduler.Build targets ask for it (one <c>SchedulerGraph</c> item and its metadata):
/// <c>Scheduler.Build.Planner GRAPH --out PLAN [--methods a;b] [--effort X] [--in-place true|false] [--views true|false]
/// [--view-ops A;B] [--dims a=1;b=2] [--unknown-size BYTES] [--freeable-inputs true|false]</c>.
/// </summary>
/// <param name="GraphPath">The graph file (.json or .onnx).</param>
/// <param name="PlanPath">Where the plan file goes.</param>
/// <param name="Methods">The pass's method ids (<see cref="DefaultMethods"/> when none are given).</param>
/// <param name="Effort">The work-budget multiplier (<see cref="SchedulerSettings.Effort"/>).</param>
/// <param name="InPlace">Score with in-place reuse (<see cref="MemoryModelOptions.InPlaceReuse"/>).</param>
/// <param name="Onnx">How an ONNX model is read (dims, unknown sizes, freeable inputs, view ops); ignored for JSON graphs.</param>
/// <param name="Views">Score with views and aliases free (<see cref="MemoryModelOptions.Views"/>).</param>
/// <param name="JsonViewOps">Op types a JSON graph's reader marks as views (<c>--view-ops</c>, which also sets
/// <paramref name="Onnx"/>'s); null: only the file's own <c>alias_of</c> marks, as in <c>scheduler schedule</c>.</param>
public sealed record PlanRequest(
    string GraphPath,
    string PlanPath,
    ImmutableArray<string> Methods,
    double Effort,
    bool InPlace,
    OnnxReadOptions Onnx,
    bool Views = false,
    ImmutableHashSet<string>? JsonViewOps = null)
{
    /// <summary>
    /// The build-time default: every deterministic heuristic, beam and local search, and the exact DP — no Topoformer
    /// (libtorch) and no CP-SAT (OR-Tools), so nothing native is needed unless a project asks for it.
    /// </summary>
    public static ImmutableArray<string> DefaultMethods { get; } =
        ["bfs", "dfs", "lpmf", "inductor-bfs", "inductor-dfs", "xla-list", "xla-dfs", "post-order", "beam", "local", "exact"];

    /// <summary>The pass options this request stands for (the pass's defaults for everything it does not name).</summary>
    public PassOptions PassOptions => new()
    {
        Methods = Methods,
        Settings = SchedulerSettings.Default with { Effort = Effort },
        Memory = new MemoryModelOptions { InPlace = InPlace, Views = Views },
    };

    /// <summary>Parses the command line. The graph and <c>--out</c> are required.</summary>
    /// <exception cref="PlanUsageException">The graph or <c>--out</c> is missing, an option is unknown or lacks its
    /// value, or a value is bad (<see cref="PlanUsageException.PlanPath"/> is set when <c>--out</c> was given, so the
    /// caller can still write an error plan).</exception>
    public static PlanRequest Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? graph = null, plan = null, error = null;
        var methods = ImmutableArray<string>.Empty;
        double effort = 1;
        bool inPlace = false, views = false;
        ImmutableHashSet<string>? viewOps = null;
        var onnx = OnnxReadOptions.Default;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new PlanUsageException($"option {arg} needs a value", plan);
            try
            {
                switch (arg)
                {
                    case "--out": plan = Value(); break;
                    case "--methods": methods = SplitList(Value()); break;
                    case "--effort": effort = ParseEffort(Value()); break;
                    case "--in-place": inPlace = ParseBool("InPlace", Value()); break;
                    case "--views": views = ParseBool("Views", Value()); break;
                    case "--view-ops": viewOps = ViewOpSet(SplitList(Value())); break;
                    case "--dims": onnx = WithDims(onnx, SplitList(Value())); break;
                    case "--unknown-size": onnx = onnx with { UnknownSizeBytes = ParseBytes(Value()) }; break;
                    case "--freeable-inputs": onnx = onnx with { FreeableInputs = ParseBool("FreeableInputs", Value()) }; break;
                    default:
                        graph = arg.StartsWith("--", StringComparison.Ordinal) || graph is not null
                            ? throw new PlanUsageException($"unexpected argument '{arg}'", plan)
                            : arg;
                        break;
                }
            }
            catch (ArgumentException ex)
            {
                error ??= ex.Message;
            }
        }
        if (graph is null || plan is null)
        {
            throw new PlanUsageException("usage: Scheduler.Build.Planner GRAPH --out PLAN [--methods a;b] [--effort X] [--in-place true|false] [--views true|false] [--view-ops A;B] [--dims a=1;b=2] [--unknown-size BYTES] [--freeable-inputs true|false]", plan);
        }
        return error is null
            ? new PlanRequest(graph, plan, methods.IsEmpty ? DefaultMethods : methods, effort, inPlace,
                viewOps is null ? onnx : onnx with { ViewOps = viewOps }, views, viewOps)
            : throw new PlanUsageException(error, plan);
    }

    /// <summary>Splits a <c>;</c>- or <c>,</c>-separated list (MSBuild's item-list separator), dropping blanks.</summary>
    public static ImmutableArray<string> SplitList(string value)
        => [.. value.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static OnnxReadOptions WithDims(OnnxReadOptions onnx, ImmutableArray<string> specs)
    {
        foreach (string spec in specs)
        {
            try
            {
                onnx = onnx.WithDims([spec]);
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException($"Dims entry '{spec}' must look like name=value with a non-negative integer value.", ex);
            }
        }
        return onnx;
    }

    // Empty keeps the default set (MemoryModelOptions.DefaultViewOps), like every other unset metadata value.
    private static ImmutableHashSet<string>? ViewOpSet(ImmutableArray<string> ops)
        => ops.IsEmpty ? null : ImmutableHashSet.CreateRange(StringComparer.OrdinalIgnoreCase, ops);

    // Empty means "not set" for every value: the targets pass each metadata value, set or not.
    private static double ParseEffort(string value)
        => value.Trim().Length == 0 ? 1
            : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double effort) && effort > 0 && double.IsFinite(effort) ? effort
            : throw new ArgumentException($"Effort '{value}' must be a positive number (1 = the documented work budgets).");

    private static long? ParseBytes(string value)
        => value.Trim().Length == 0 ? null
            : long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long bytes) ? bytes
            : throw new ArgumentException($"UnknownSize '{value}' must be a non-negative number of bytes.");

    private static bool ParseBool(string name, string value)
        => value.Trim().Length != 0
            && (bool.TryParse(value.Trim(), out bool b) ? b
                : throw new ArgumentException($"{name} '{value}' must be true or false."));
}
