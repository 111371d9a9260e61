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
        // Token counts far above any model's context still fit the op sizes in 64 bits; the ranges only stop typos.
        var tokens = ValueRange.Integers(1, 10_000_000);
        var seq = NumericOption.OptionalInt("--seq", $"prefill/train-step: tokens (default {ModelPhase.DefaultSeq})", tokens);
        var context = NumericOption.OptionalInt("--context", $"decode/verify: cached tokens (default {ModelPhase.DefaultContext})", ValueRange.Integers(0, 10_000_000));
        var draft = NumericOption.OptionalInt("--draft", $"spec-verify/spec-step: draft tokens (default {ModelPhase.DefaultDraft})", tokens);
        var tree = NumericOption.OptionalInt("--tree", $"tree-verify: tokens in the draft tree (default {ModelPhase.DefaultTree})", tokens);
        var dtype = NumericOption.Int("--dtype-bytes", "Bytes per element (2 = fp16)", ModelZoo.DefaultDtypeBytes, ValueRange.Integers(1, 16));
        var output = new Option<string>("--out", "-o") { Description = "Output JSON graph file", Required = true };
        var views = new Option<bool>("--views") { Description = "Emit the attention head-split/merge reshapes as view ops (alias_of; free under --views, copies otherwise)" };
        var kvInPlace = new Option<bool>("--kv-in-place") { Description = "Decode/verify/spec-step: write the new K/V rows into the resident cache in place (KvWrite, alias_of the cache: free under --views, a copy of the rows otherwise)" };
        var command = new Command("export", "Write a model graph as a JSON v1 graph file");
        command.Arguments.Add(name);
        foreach (Option o in new Option[] { phase, seq, context, draft, tree, dtype, output, views, kvInPlace })
        {
            command.Options.Add(o);
        }
        command.SetAction(parse =>
        {
            string path = parse.GetValue(output)!;
            OutputPaths.CheckFile("--out", path);
            ComputationGraph graph;
            try
            {
                var p = ModelPhase.Parse(parse.GetValue(phase)!, parse.GetValue(seq), parse.GetValue(context), parse.GetValue(draft), parse.GetValue(tree));
                var options = new ModelGraphOptions { Views = parse.GetValue(views), KvInPlace = parse.GetValue(kvInPlace) };
                graph = ModelZoo.Build(parse.GetValue(name)!, p, parse.GetValue(dtype), options);
            }
            catch (ArgumentException ex)
            {
                throw new UsageException(ex.Message.Replace($" (Parameter '{ex.ParamName}')", "", StringComparison.Ordinal));
            }
            catch (OverflowException)
            {
                throw new UsageException($"{parse.GetValue(name)}: a tensor of this phase would exceed 2^63-1 bytes; use fewer tokens");
            }
            JsonGraphWriter.WriteFile(graph, path);
            Terminal.Err.WriteLine($"wrote {path}: {graph.Name}, {graph.OpCount} ops, resident {Reports.Format.Bytes(graph.ResidentBytes)}");
            return 0;
        });
        return command;
    }
}
