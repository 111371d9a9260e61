using System.Reflection;
using System.Text;
using System.Text.Json;
using Scheduler.Graphs;
using Scheduler.Graphs.Formats;
using Scheduler.Pass;

namespace Scheduler.Build.Planner;

/// <summary>
/// Writes plan files, format 1: what the Scheduler.Build generator turns into C#. Deterministic: no times, no
/// absolute paths, invariant numbers, fixed property order, so the same graph and options give byte-identical plans.
/// </summary>
/// <remarks>
/// A plan is either <c>{"format":1,"planner":V,"error":{kind,message,line,column}}</c> or
/// <c>{"format":1,"planner":V,"graph":{name,ops,tensors},"options":{methods,effort,memory_model},"method","proven",
/// "proof","capped","peak_bytes","lower_bound_bytes","working_set_bound_bytes","cut_bound_bytes","closure_bound_bytes","arena_bytes",
/// "resident_bytes","input_peak_bytes","order":[file ids],"tensors":[{name,size,offset,first_step,last_step,producer,output}],
/// "candidates":[{method,status,peak_bytes,message}]}</c>. A tensor's offset is -1 (and its steps -1) when it takes no
/// arena space (resident inputs and weights, inputs nobody reads); <c>producer</c> is null for graph inputs.
/// </remarks>
public static class PlanJson
{
    /// <summary>The plan file format version.</summary>
    public const int Format = 1;

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true };

    /// <summary>The planner's version, as plan files record it.</summary>
    public static string PlannerVersion { get; } =
        typeof(PlanJson).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";

    /// <summary>The plan file for a finished plan.</summary>
    public static string Write(BuildPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Document(w =>
        {
            var (graph, result, request) = (plan.Graph, plan.Result, plan.Request);
            w.WriteStartObject("graph");
            w.WriteString("name", graph.Name);
            w.WriteNumber("ops", graph.OpCount);
            w.WriteNumber("tensors", graph.TensorCount);
            w.WriteEndObject();
            w.WriteStartObject("options");
            WriteStrings(w, "methods", request.Methods);
            w.WriteNumber("effort", request.Effort);
            w.WriteString("memory_model", request.PassOptions.Memory.Name);
            w.WriteEndObject();
            w.WriteString("method", result.Best.Scheduler);
            w.WriteBoolean("proven", result.ProvenOptimal);
            w.WriteString("proof", result.ProofSource);
            w.WriteBoolean("capped", result.Capped);
            w.WriteNumber("peak_bytes", result.Best.PeakBytes);
            w.WriteNumber("lower_bound_bytes", plan.LowerBoundBytes);
            w.WriteNumber("working_set_bound_bytes", result.WorkingSetBound);
            w.WriteNumber("cut_bound_bytes", result.CutBound);
            w.WriteNumber("closure_bound_bytes", result.ClosureBound);
            w.WriteNumber("arena_bytes", plan.Arena.ArenaBytes);
            w.WriteNumber("resident_bytes", result.ResidentBytes);
            w.WriteNumber("input_peak_bytes", result.InputPeakBytes);
            w.WriteStartArray("order");
            foreach (int op in result.Best.Order)
            {
                w.WriteNumberValue(graph.OpId(op));
            }
            w.WriteEndArray();
            ArenaJsonWriter.WriteTensors(w, graph, plan.Arena);
            WriteCandidates(w, result.Candidates);
        });
    }

    /// <summary>The plan file for a graph or request that could not be planned.</summary>
    public static string WriteError(PlanError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Document(w =>
        {
            w.WriteStartObject("error");
            w.WriteString("kind", error.Kind);
            w.WriteString("message", error.Message);
            w.WriteNumber("line", error.Line);
            w.WriteNumber("column", error.Column);
            w.WriteEndObject();
        });
    }

    private static string Document(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteNumber("format", Format);
            w.WriteString("planner", PlannerVersion);
            body(w);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteCandidates(Utf8JsonWriter w, IReadOnlyList<CandidateResult> candidates)
    {
        w.WriteStartArray("candidates");
        foreach (var c in candidates)
        {
            w.WriteStartObject();
            w.WriteString("method", c.Method);
            w.WriteString("status", c.Status.Id());
            if (c.PeakBytes is long peak)
            {
                w.WriteNumber("peak_bytes", peak);
            }
            else
            {
                w.WriteNull("peak_bytes");
            }
            // Only a failure's message: improving methods' messages are for people, and failures are what SCHED005 shows.
            w.WriteString("message", c.Status == CandidateStatus.Failed ? c.Message : null);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (string v in values)
        {
            w.WriteStringValue(v);
        }
        w.WriteEndArray();
    }
}
