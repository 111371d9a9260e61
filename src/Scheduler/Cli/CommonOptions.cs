using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using Scheduler.Graphs;
using Scheduler.Pass;

namespace Scheduler.Cli;

/// <summary>Options shared by <c>schedule</c> and <c>compare</c>: method knobs and model import settings.</summary>
public sealed class CommonOptions
{
    /// <summary>--seed</summary>
    public Option<int> Seed { get; } = NumericOption.Int("--seed", "Seed for randomised methods", 0, PassOptionRanges.Seed);

    /// <summary>--samples</summary>
    public Option<int> Samples { get; } = NumericOption.Int("--samples", "Best-of-K for random and topoformer-sample", 16, PassOptionRanges.Samples);

    /// <summary>--temperature</summary>
    public Option<double> Temperature { get; } = NumericOption.Number("--temperature",
        "Sampling temperature of topoformer-sample: logits are divided by it (above 1 flatter, below 1 sharper)", SchedulerSettings.DefaultTemperature, PassOptionRanges.Temperature);

    /// <summary>--memory-weight</summary>
    public Option<double> MemoryWeight { get; } = NumericOption.Number("--memory-weight",
        "Memory-aware Topoformer decoding: each step lowers a ready op's logit by this weight times the bytes running it then would add (per mean op output); 0 = the paper's decoder",
        SchedulerSettings.DefaultMemoryWeight, PassOptionRanges.MemoryWeight);

    /// <summary>--time-limit</summary>
    public Option<double?> TimeLimit { get; } = NumericOption.OptionalNumber("--time-limit",
        "Seconds: wall-clock safety cap (of the pass for schedule, of each method for compare); work budgets end methods first", PassOptionRanges.TimeBudgetSeconds);

    /// <summary>--effort</summary>
    public Option<double?> Effort { get; } = NumericOption.OptionalNumber("--effort",
        "Multiplier of every method's work budget (default 1): moves, states, beam width, solver time", PassOptionRanges.Effort);

    /// <summary>--parallelism</summary>
    public Option<int?> Parallelism { get; } = NumericOption.OptionalInt("--parallelism",
        "Methods the pass runs at once (default: the core count); the result does not depend on it", PassOptionRanges.Parallelism);

    /// <summary>--beam-width</summary>
    public Option<int> BeamWidth { get; } = NumericOption.Int("--beam-width", "Beam width for beam search", 64, PassOptionRanges.BeamWidth);

    /// <summary>--model</summary>
    public Option<string?> Model { get; } = new("--model") { Description = "Topoformer checkpoint folder (default: the shipped one)" };

    /// <summary>--config</summary>
    public Option<string?> Config { get; } = new("--config") { Description = "YAML pass options (methods, time_budget_seconds, seed, ...)" };

    /// <summary>--dim</summary>
    public Option<string[]> Dims { get; } = new("--dim") { Description = "Bind a symbolic ONNX dimension: name=value (repeatable)", AllowMultipleArgumentsPerToken = false };

    /// <summary>--unknown-size</summary>
    public Option<long?> UnknownSize { get; } = NumericOption.OptionalLong("--unknown-size", "Bytes for ONNX values of unknown shape (default: error)", UnknownSizeRange);

    /// <summary>Bytes accepted by --unknown-size: 0 to 2^50 (1 PiB).</summary>
    public static ValueRange UnknownSizeRange { get; } = ValueRange.Integers(0, 1L << 50);

    /// <summary>--freeable-inputs</summary>
    public Option<bool> FreeableInputs { get; } = new("--freeable-inputs") { Description = "ONNX graph inputs are freed after last use" };

    /// <summary>--in-place (not added by <see cref="AddTo"/>: only commands that honour it add it).</summary>
    public Option<bool> InPlace { get; } = new("--in-place") { Description = "Score with in-place reuse: element-wise ops overwrite a dying same-size input (docs/DESIGN.md §2)" };

    /// <summary>--views (not added by <see cref="AddTo"/>: only commands that honour it add it).</summary>
    public Option<bool> Views { get; } = new("--views") { Description = "Views allocate nothing: an output marked as an alias (Reshape, Flatten, Squeeze, Unsqueeze, Identity; see --view-ops) shares its input's buffer (docs/DESIGN.md §2)" };

    /// <summary>--view-ops</summary>
    public Option<string?> ViewOps { get; } = new("--view-ops") { Description = "Comma-separated op types read as views: of input 0 in ONNX (default: Reshape,Flatten,Squeeze,Unsqueeze,Identity; add Transpose for strided runtimes), of the one same-size input in JSON (default: only the file's alias_of)" };

    /// <summary>The memory model: <paramref name="fallback"/> (from the config file) with --in-place and --views turned
    /// on where given.</summary>
    public Graphs.MemoryModelOptions MemoryModel(ParseResult parse, Graphs.MemoryModelOptions fallback)
    {
        bool inPlace = fallback.InPlace || parse.GetValue(InPlace), views = fallback.Views || parse.GetValue(Views);
        return inPlace == fallback.InPlace && views == fallback.Views ? fallback : fallback with { InPlace = inPlace, Views = views };
    }

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (Option o in new Option[] { Seed, Samples, Temperature, MemoryWeight, TimeLimit, Effort, Parallelism, BeamWidth, Model, Config, Dims, UnknownSize, FreeableInputs, ViewOps })
        {
            command.Options.Add(o);
        }
    }

    /// <summary>Pass options from --config (if any), then explicit flags on top; <paramref name="defaultSeconds"/> is the
    /// safety cap when neither sets one.</summary>
    /// <exception cref="Graphs.GraphFormatException">The config file is invalid.</exception>
    /// <exception cref="Topoformer.TopoformerConfigException">The checkpoint named by --model or the config cannot be loaded.</exception>
    public PassOptions PassOptions(ParseResult parse, IReadOnlyList<string>? methods, double defaultSeconds)
    {
        string? config = parse.GetValue(Config);
        var o = config is null
            ? Pass.PassOptions.Default with { Methods = MethodCatalog.DefaultPortfolio, TimeBudget = TimeSpan.FromSeconds(defaultSeconds) }
            : PassOptionsYaml.Load(config);
        // The flags' values were checked while parsing (NumericOption), the file's by PassOptionsYaml.
        double? seconds = parse.GetValue(TimeLimit);
        double? effort = parse.GetValue(Effort);
        int? parallelism = parse.GetValue(Parallelism);
        var s = o.Settings;
        var options = o with
        {
            Methods = methods ?? o.Methods,
            TimeBudget = seconds is double sec ? TimeSpan.FromSeconds(sec) : o.TimeBudget,
            Parallelism = parallelism ?? o.Parallelism,
            Settings = s with
            {
                Seed = Explicit(parse, Seed, config) ? parse.GetValue(Seed) : s.Seed,
                Samples = Explicit(parse, Samples, config) ? parse.GetValue(Samples) : s.Samples,
                Temperature = Explicit(parse, Temperature, config) ? parse.GetValue(Temperature) : s.Temperature,
                MemoryWeight = Explicit(parse, MemoryWeight, config) ? parse.GetValue(MemoryWeight) : s.MemoryWeight,
                BeamWidth = Explicit(parse, BeamWidth, config) ? parse.GetValue(BeamWidth) : s.BeamWidth,
                ModelPath = parse.GetValue(Model) ?? s.ModelPath,
                Effort = effort ?? s.Effort,
            },
        };
        CheckModel(options.Settings.ModelPath);
        return options;
    }

    /// <summary>Loads a checkpoint named by --model or the config's <c>model</c> now, so that a wrong path or a bad
    /// file is bad input (exit 2, naming the file) before any method runs, not a failed method later. The network is
    /// cached, so the methods that use it do not load it again.</summary>
    /// <exception cref="Topoformer.TopoformerConfigException">The path names no checkpoint, or one that cannot be loaded.</exception>
    private static void CheckModel(string? path)
    {
        if (path is not null)
        {
            Topoformer.ModelStore.Get(path);
        }
    }

    /// <summary>True when the flag's value should win: it was given, or there is no config file to take it from.</summary>
    private static bool Explicit(ParseResult parse, Option option, string? config) => config is null || parse.GetResult(option) is { Implicit: false };

    /// <summary>ONNX import settings from --dim, --unknown-size, --freeable-inputs and --view-ops.</summary>
    /// <exception cref="UsageException">A --dim is not name=value with a positive integer, or --view-ops names no op.</exception>
    public ImportOptions Import(ParseResult parse)
    {
        var dims = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (string d in parse.GetValue(Dims) ?? [])
        {
            int eq = d.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !long.TryParse(d[(eq + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out long value) || value <= 0)
            {
                throw new UsageException($"--dim expects name=positive-integer, got '{d}'");
            }
            dims[d[..eq]] = value;
        }
        var viewOps = parse.GetValue(ViewOps) is string list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToImmutableHashSet(StringComparer.OrdinalIgnoreCase)
            : null;
        if (viewOps is { Count: 0 })
        {
            throw new UsageException("--view-ops expects comma-separated op types, e.g. Reshape,Flatten,Transpose");
        }
        return new ImportOptions(dims, parse.GetValue(UnknownSize), parse.GetValue(FreeableInputs)) { ViewOps = viewOps };
    }
}
