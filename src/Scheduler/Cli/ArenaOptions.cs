using System.CommandLine;
using System.CommandLine.Parsing;
using Scheduler.Graphs;
using Scheduler.Graphs.Arena;
using Scheduler.Pass;

namespace Scheduler.Cli;

/// <summary>
/// <c>--arena [STRATEGY]</c> and <c>--arena-alignment BYTES</c>: plan buffer offsets for the chosen order with one
/// offset strategy of <see cref="ArenaCatalog"/>, or with all of them (<c>best</c>, the default when the flag has no
/// value), and report the arena beside the peak.
/// </summary>
/// <remarks>The strategy is optional, so <c>--arena model.onnx</c> reads the graph file as the strategy; a value that
/// names a file (it has an extension or a path separator) is a parse error that says to put the file first.</remarks>
public sealed class ArenaOptions
{
    /// <summary>The strategy flag; its value is null when the flag is absent, <see cref="ArenaCatalog.Best"/> when it
    /// has no value.</summary>
    public Option<string?> Strategy { get; } = new("--arena")
    {
        Description = $"Also plan buffer offsets and report the arena: {string.Join(", ", ArenaCatalog.Ids)} (default best: every strategy, the smallest arena wins)",
        Arity = ArgumentArity.ZeroOrOne,
        CustomParser = ParseStrategy,
    };

    /// <summary>Offset alignment in bytes (default 1: none).</summary>
    public Option<int> Alignment { get; } = NumericOption.Int("--arena-alignment", "Bytes every arena offset is a multiple of (with --arena; default 1)", 1, PassOptionRanges.ArenaAlignment);

    /// <summary>Adds both flags to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Strategy);
        command.Options.Add(Alignment);
    }

    /// <summary>The strategy id asked for, or null without <c>--arena</c>.</summary>
    /// <exception cref="UsageException">The id is unknown, or an alignment was given without <c>--arena</c>.</exception>
    public string? StrategyId(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        string? id = parse.GetResult(Strategy) is null ? null : parse.GetValue(Strategy) ?? ArenaCatalog.Best;
        if (id is not null && ArenaCatalog.Problem(id) is string problem)
        {
            throw new UsageException($"--arena: {problem}");
        }
        if (id is null && parse.GetResult(Alignment) is { Implicit: false })
        {
            throw new UsageException("--arena-alignment applies with --arena only");
        }
        return id;
    }

    /// <summary>Plans <paramref name="order"/>'s arena with strategy <paramref name="id"/>.</summary>
    public ArenaPlan Plan(ParseResult parse, string id, ComputationGraph graph, IReadOnlyList<int> order, MemoryModelOptions memory, SchedulerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var problem = ArenaPlanner.Problem(graph, order.ToArray(), memory, parse.GetValue(Alignment));
        return ArenaPlanner.Plan(problem, ArenaCatalog.Create(id, settings), memory);
    }

    private static string? ParseStrategy(ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return ArenaCatalog.Best;
        }
        string value = result.Tokens[0].Value;
        if (Path.HasExtension(value) || value.Contains(Path.DirectorySeparatorChar) || value.Contains('/'))
        {
            // System.CommandLine cannot hand an option's token back to the command's argument, so say what happened.
            result.AddError($"--arena took '{value}' as its strategy, but it names a file: put the graph file before --arena, or write --arena=best");
        }
        return value;
    }
}
