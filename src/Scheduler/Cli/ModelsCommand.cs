using System.CommandLine;
using Scheduler.Graphs;
using Scheduler.Graphs.Formats;
using Scheduler.Graphs.Models;
using Spectre.Console;

namespace Scheduler.Cli;

/// <summary>
/// <c>scheduler models list</c> and <c>scheduler models export NAME --phase P [sizes] --out FILE.json</c>: the built-in
/// LLM and drafter graphs of the speculative-decoding workloads.
/// </summary>
public static class ModelsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var models = new Command("models", "Built-in LLM, drafter and LLaVA model graphs");
        var list = new Command("list", "List the model presets and phases");
        list.SetAction(_ => List());
        models.Subcommands.Add(list);
        models.Subcommands.Add(Export());
        return models;
    }

    private static int List()
    {
        var table = new Table().AddColumns("preset", "parameters", "description");
        foreach (var p in ModelZoo.Presets)
        {
            table.AddRow(Markup.Escape(p.Name), $"{ModelZoo.ParameterCount(p) / 1e6:0.#} M", Markup.Escape(p.Description));
        }
        Terminal.Out.Write(table);
        Terminal.Out.WriteLine($"phases: {string.Join(", ", ModelPhase.Names)}");
        Terminal.Out.WriteLine("default compare set: " + string.Join(", ", ModelZoo.DefaultCompareSet.Select(s => s.Name)));
        return 0;
    }

    private static Command Export()
    {
        var name = new Argument<string>("name") { Description = "Preset name (see `scheduler models list`)" };
        var phase = new Option<string>("--phase") { Description = string.Join(" | ", ModelPhase.Names), DefaultValueFactory = _ => "prefill" };
        var seq = new Option<int?>("--seq") { Description = $"prefill/train-step: tokens (default {ModelPhase.DefaultSeq})" };
        var context = new Option<int?>("--context") { Description = $"decode/verify: cached tokens (default {ModelPhase.DefaultContext})" };
        var draft = new Option<int?>("--draft") { Description = $"spec-verify/spec-step: draft tokens (default {ModelPhase.DefaultDraft})" };
        var tree = new Option<int?>("--tree") { Description = $"tree-verify: tokens in the draft tree (default {ModelPhase.DefaultTree})" };
        var dtype = new Option<int>("--dtype-bytes") { Description = "Bytes per element (2 = fp16)", DefaultValueFactory = _ => ModelZoo.DefaultDtypeBytes };
        var output = new Option<string>("--out", "-o") { Description = "Output JSON graph file", Required = true };
        var command = new Command("export", "Write a model graph as a JSON v1 graph file");
        command.Arguments.Add(name);
        foreach (Option o in new Option[] { phase, seq, context, draft, tree, dtype, output })
        {
            command.Options.Add(o);
        }
        command.SetAction(parse =>
        {
            ComputationGraph graph;
            try
            {
                var p = ModelPhase.Parse(parse.GetValue(phase)!, parse.GetValue(seq), parse.GetValue(context), parse.GetValue(draft), parse.GetValue(tree));
                graph = ModelZoo.Build(parse.GetValue(name)!, p, parse.GetValue(dtype));
            }
            catch (ArgumentException ex)
            {
                throw new UsageException(ex.Message);
            }
            string path = parse.GetValue(output)!;
            JsonGraphWriter.WriteFile(graph, path);
            Terminal.Err.WriteLine($"wrote {path}: {graph.Name}, {graph.OpCount} ops, resident {Reports.Format.Bytes(graph.ResidentBytes)}");
            return 0;
        });
        return command;
    }
}
