using System.CommandLine;
using System.Text;
using System.Text.Json;
using Scheduler.Graphs;
using Scheduler.Graphs.Formats;
using Scheduler.Graphs.Formats.Onnx;
using Scheduler.Pass;
using Spectre.Console;

namespace Scheduler.Cli;

/// <summary>
/// <c>scheduler schedule FILE [--method ID] [--out FILE [--copy-external-data]] [--json] [--in-place] [--arena [STRATEGY]
/// [--arena-alignment BYTES]]</c>: orders one graph and reports its peak. <c>--in-place</c> scores every candidate with
/// in-place reuse; <c>--arena</c> also plans buffer offsets for the chosen order (<see cref="ArenaOptions"/>) and reports
/// the arena, the winning strategy and the fragmentation (with <c>--json</c>, every tensor's offset too; with an
/// <c>.onnx</c> <c>--out</c>, the plan in the model's <c>metadata_props</c>: <see cref="ArenaJsonWriter.MetadataProps"/>). The <c>--json</c> object always names the memory model in force and the winning candidate
/// (<c>winner</c>: for <c>best</c>, the method whose order won); the text summary names the model only with either flag.
/// </summary>
public static class ScheduleCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Graph file (.json or .onnx)" };
        var method = new Option<string>("--method", "-m") { Description = "Method id (see `scheduler methods`)", DefaultValueFactory = _ => "best" };
        var output = new Option<string?>("--out", "-o") { Description = "Write the reordered graph (.json/.onnx), a Graphviz picture (.dot), or the order (other extensions: one node id per line)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a summary" };
        var arena = new ArenaOptions();
        var copyData = new Option<bool>("--copy-external-data") { Description = "For an .onnx --out in another folder: copy the model's external data files beside it (default: fail if they cannot be referenced from there)" };
        var common = new CommonOptions();
        var command = new Command("schedule", "Order one graph with a method (default: best, the portfolio) and report its peak memory");
        command.Arguments.Add(file);
        command.Options.Add(method);
        command.Options.Add(output);
        command.Options.Add(json);
        command.Options.Add(common.InPlace);
        command.Options.Add(common.Views);
        arena.AddTo(command);
        command.Options.Add(copyData);
        common.AddTo(command);
        command.SetAction(parse =>
        {
            if (MethodCatalog.Problem(parse.GetValue(method)!, ["best", "input"]) is string problem)
            {
                throw new UsageException($"--method: {problem}");
            }
            if (parse.GetValue(output) is string target)
            {
                OutputPaths.CheckFile("--out", target);
            }
            var options = common.PassOptions(parse, null, 60);
            options = options with { Memory = common.MemoryModel(parse, options.Memory) };
            string? strategy = arena.StrategyId(parse);
            Func<ComputationGraph, IReadOnlyList<int>, SchedulerSettings, ArenaPlan>? planArena = strategy is null ? null
                : (graph, order, settings) => arena.Plan(parse, strategy, graph, order, options.Memory, settings);
            var model = new ModelReport(options.Memory, !options.Memory.IsDefault || strategy is not null, planArena);
            var onnx = new OnnxWriteOptions { CopyExternalData = parse.GetValue(copyData) };
            if (onnx.CopyExternalData && !(parse.GetValue(output) ?? "").EndsWith(".onnx", StringComparison.OrdinalIgnoreCase))
            {
                throw new UsageException("--copy-external-data applies to an .onnx --out only");
            }
            return Run(parse.GetValue(file)!, parse.GetValue(method)!, parse.GetValue(output), parse.GetValue(json), options, common.Import(parse), model, onnx);
        });
        return command;
    }

    private static int Run(string path, string method, string? output, bool json, PassOptions options, ImportOptions import, ModelReport model, OnnxWriteOptions onnx)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var graph = GraphLoader.Load(path, import);
        // One analysis (bounds, closure) for the methods and the report alike; the report needs the bounds anyway, so
        // computing them first lets the safety cap cover the whole command: the methods get what loading left.
        var analysis = new GraphAnalysis(graph, options.Memory);
        _ = analysis.LowerBound;
        var left = options.TimeBudget - clock.Elapsed;
        options = options with { TimeBudget = left > TimeSpan.Zero ? left : TimeSpan.Zero };
        var (chosen, winner, candidates) = Schedule(path, analysis, method, options);
        // The arena's CP-SAT gets what is left of the command's safety cap.
        left = options.TimeBudget - clock.Elapsed;
        var arena = model.Arena?.Invoke(graph, chosen.Order!, options.Settings with { TimeLimit = left > TimeSpan.Zero ? left : TimeSpan.Zero });
        if (output is not null)
        {
            // A reordered ONNX model carries its arena plan as metadata, so a runtime can take the offsets with the order.
            onnx = arena is null ? onnx : onnx with { Metadata = ArenaJsonWriter.MetadataProps(graph, arena) };
            OutputWriter.Write(output, path, graph, chosen.Order!, import, onnx, options.Memory);
        }
        if (json)
        {
            Console.Out.Write(ToJson(analysis, chosen, winner, candidates, model, arena));
        }
        else
        {
            PrintSummary(analysis, chosen, candidates, output);
            PrintModel(chosen, model, arena);
        }
        return 0;
    }

    /// <summary>What to say about the memory model: the text summary names it only when a model flag was given (keeps the
    /// default summary as it was); the JSON always does.</summary>
    private sealed record ModelReport(MemoryModelOptions Memory, bool Label, Func<ComputationGraph, IReadOnlyList<int>, SchedulerSettings, ArenaPlan>? Arena);

    private static void PrintModel(CandidateResult chosen, ModelReport model, ArenaPlan? arena)
    {
        if (!model.Label)
        {
            return;
        }
        Terminal.Out.WriteLine(model.Memory.IsDefault
            ? "memory model: default"
            : $"memory model: {model.Memory.Name} (peaks and lower bounds above are under it)");
        if (arena is not null)
        {
            string tried = string.Join(", ", arena.Candidates.Select(c => $"{c.Strategy} {c.ArenaBytes} B{(c.Proven ? " (proven)" : "")}"));
            string aligned = arena.Alignment > 1 ? $", offsets aligned to {arena.Alignment} B" : "";
            Terminal.Out.WriteLine($"arena {Reports.Format.Bytes(arena.ArenaBytes)} ({arena.ArenaBytes} B) after offset assignment by {arena.Strategy} (tried {tried}{aligned}); fragmentation {arena.Fragmentation:P2} over peak {Reports.Format.Bytes(chosen.PeakBytes)}");
        }
    }

    /// <summary>Runs <paramref name="method"/>: the chosen result (for <c>best</c>, relabelled "best"), the id of the
    /// candidate whose order it is, and every candidate tried.</summary>
    private static (CandidateResult Chosen, string Winner, IReadOnlyList<CandidateResult> Candidates) Schedule(string path, GraphAnalysis analysis, string method, PassOptions options)
    {
        var graph = analysis.Graph;
        if (method == "input")
        {
            var input = MethodRunner.InputOrder(graph, options.Memory);
            return (input, input.Method, [input]);
        }
        if (method == "best")
        {
            var pass = new MemorySchedulingPass(MethodCatalog.Members);
            pass.CandidateFinished += c => Terminal.Err.MarkupLine($"[grey]  {Markup.Escape(c.Method)}: {Markup.Escape(c.PeakBytes is long p ? Reports.Format.Bytes(p) : c.Status.Id())} in {Reports.Format.Ms(c.ElapsedMs)} ms[/]");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var result = pass.Run(analysis, options);
            var winner = result.Winner;
            var status = result.ProvenOptimal ? CandidateStatus.Optimal : result.Capped ? CandidateStatus.Capped : CandidateStatus.Feasible;
            string message = $"won by {winner.Method}{(result.ProofSource is null ? "" : $"; proven optimal by {result.ProofSource}")}"
                + (result.Capped ? "; the time cap cut some methods short, so this result may vary between runs" : "");
            return (winner with { Method = "best", ElapsedMs = clock.Elapsed.TotalMilliseconds, Status = status, Message = message }, winner.Method, result.Candidates);
        }
        if (!MethodCatalog.TryGet(method, out var descriptor))
        {
            throw new UsageException($"--method: {MethodCatalog.Problem(method, ["best", "input"])}");
        }
        var run = MethodRunner.Run(descriptor, analysis, null, options.Settings with { TimeLimit = options.TimeBudget });
        if (run.Status == CandidateStatus.Skipped)
        {
            // The method does not apply to this graph (too large for it): the input, not the program, is at fault.
            throw new UsageException($"{path}: method '{method}' cannot order this graph: {run.Message}");
        }
        if (!run.Succeeded)
        {
            throw new InvalidOperationException($"method '{method}' failed: {run.Message}");
        }
        return (run, run.Method, [run]);
    }

    private static string ToJson(GraphAnalysis analysis, CandidateResult chosen, string winner, IReadOnlyList<CandidateResult> candidates, ModelReport model, ArenaPlan? arena)
    {
        var graph = analysis.Graph;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("graph", graph.Name);
            w.WriteString("method", chosen.Method);
            w.WriteString("winner", winner);
            w.WriteNumber("peak_bytes", chosen.PeakBytes!.Value);
            w.WriteNumber("resident_bytes", graph.ResidentBytes);
            w.WriteNumber("total_bytes", checked(chosen.PeakBytes!.Value + graph.ResidentBytes));
            w.WriteNumber("lower_bound_bytes", analysis.WorkingSetBound);
            w.WriteNumber("cut_bound_bytes", analysis.CutBound);
            w.WriteNumber("closure_bound_bytes", analysis.ClosureBound);
            if (analysis.ClosureBoundPartial)
            {
                w.WriteString("closure_bound", $"partial: its work limit ({GraphAnalysis.ClosureBoundWorkLimit:N0}) was spent before every op had its term");
            }
            if (analysis.CutBoundSkipped)
            {
                w.WriteString("cut_bound", $"skipped: over {GraphAnalysis.CutBoundOpLimit} ops, cut_bound_bytes is the working-set bound");
            }
            w.WriteString("memory_model", model.Memory.Name);
            // The bounds hold under the model in force (kept as its own key for readers of the earlier format).
            w.WriteString("bounds_memory_model", model.Memory.Name);
            if (arena is not null)
            {
                ArenaJsonWriter.WriteSummary(w, arena);
            }
            w.WriteNumber("elapsed_ms", Math.Round(chosen.ElapsedMs, 3));
            w.WriteString("status", chosen.Status.Id());
            w.WriteStartArray("order");
            foreach (int op in chosen.Order!)
            {
                w.WriteNumberValue(graph.OpId(op));
            }
            w.WriteEndArray();
            if (arena is not null)
            {
                ArenaJsonWriter.WriteTensors(w, graph, arena);
            }
            if (candidates.Count > 1)
            {
                w.WriteStartArray("candidates");
                foreach (var c in candidates)
                {
                    w.WriteStartObject();
                    w.WriteString("method", c.Method);
                    if (c.PeakBytes is long p)
                    {
                        w.WriteNumber("peak_bytes", p);
                    }
                    else
                    {
                        w.WriteNull("peak_bytes");
                    }
                    w.WriteNumber("elapsed_ms", Math.Round(c.ElapsedMs, 3));
                    w.WriteString("status", c.Status.Id());
                    if (c.Message is not null)
                    {
                        w.WriteString("message", c.Message);
                    }
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void PrintSummary(GraphAnalysis analysis, CandidateResult chosen, IReadOnlyList<CandidateResult> candidates, string? output)
    {
        var graph = analysis.Graph;
        long ws = analysis.WorkingSetBound, cut = analysis.CutBound, closure = analysis.ClosureBound;
        var o = Terminal.Out;
        o.WriteLine($"graph {graph.Name}: {graph.OpCount} ops, {graph.TensorCount} tensors, {graph.EdgeCount} edges");
        o.WriteLine($"method {chosen.Method}: peak {Reports.Format.Bytes(chosen.PeakBytes)} ({chosen.PeakBytes} B) + resident {Reports.Format.Bytes(graph.ResidentBytes)}");
        o.WriteLine($"lower bounds: working set {Reports.Format.Bytes(ws)}, cut {(analysis.CutBoundSkipped ? $"skipped (over {GraphAnalysis.CutBoundOpLimit} ops)" : Reports.Format.Bytes(cut))}, closure {Reports.Format.Bytes(closure)}{(analysis.ClosureBoundPartial ? " (partial)" : "")}; peak / LB = {Reports.Format.Ratio((double)chosen.PeakBytes!.Value / Math.Max(1, analysis.LowerBound))}");
        o.WriteLine($"time {Reports.Format.Ms(chosen.ElapsedMs)} ms{(chosen.Message is null ? "" : $"; {chosen.Message}")}");
        if (candidates.Count > 1)
        {
            var table = new Table().AddColumns("method", "peak", "time (ms)", "status");
            foreach (var c in candidates)
            {
                table.AddRow(Markup.Escape(c.Method), Reports.Format.Bytes(c.PeakBytes), Reports.Format.Ms(c.ElapsedMs), Markup.Escape(c.Message is null ? c.Status.Id() : $"{c.Status.Id()}: {c.Message}"));
            }
            o.Write(table);
        }
        if (output is not null)
        {
            o.WriteLine($"wrote {output}");
        }
    }
}
