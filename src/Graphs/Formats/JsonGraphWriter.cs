using System.Text;
using System.Text.Json;

namespace Scheduler.Graphs.Formats;

/// <summary>
/// Writes the JSON graph format, version 1. Single-output ops use the simple <c>size</c> form; others the
/// <c>outputs</c> form with <c>[src, dst, k]</c> edges. Output is deterministic (same graph, same bytes), and files are
/// written to a temporary name first and then renamed, so a failure never leaves a partial file.
/// </summary>
public static class JsonGraphWriter
{
    /// <summary>Serialises <paramref name="graph"/>; nodes appear in <paramref name="order"/> (default: input order).</summary>
    public static string Write(ComputationGraph graph, IReadOnlyList<int>? order = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("name", graph.Name);
            w.WriteStartArray("nodes");
            var ops = order ?? Enumerable.Range(0, graph.OpCount).ToArray();
            foreach (int op in ops)
            {
                WriteNode(w, graph, op);
            }
            w.WriteEndArray();
            WriteEdges(w, graph, ops);
            WriteInputs(w, graph);
            WriteControlEdges(w, graph);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Writes the graph to <paramref name="path"/> atomically (temp file, then rename).</summary>
    public static void WriteFile(ComputationGraph graph, string path, IReadOnlyList<int>? order = null)
        => AtomicFile.WriteAllText(path, Write(graph, order));

    private static bool IsSimple(ComputationGraph g, int op)
        => g.Outputs(op).Length == 1 && !g.IsGraphOutput(g.Outputs(op)[0]) && g.TensorName(g.Outputs(op)[0]).Length == 0;

    private static void WriteNode(Utf8JsonWriter w, ComputationGraph g, int op)
    {
        w.WriteStartObject();
        w.WriteNumber("id", g.OpId(op));
        if (g.OpName(op).Length > 0)
        {
            w.WriteString("name", g.OpName(op));
        }
        if (g.OpType(op).Length > 0)
        {
            w.WriteString("op", g.OpType(op));
        }
        if (IsSimple(g, op))
        {
            w.WriteNumber("size", g.TensorSize(g.Outputs(op)[0]));
        }
        else
        {
            w.WriteStartArray("outputs");
            foreach (int t in g.Outputs(op))
            {
                w.WriteStartObject();
                if (g.TensorName(t).Length > 0)
                {
                    w.WriteString("name", g.TensorName(t));
                }
                w.WriteNumber("size", g.TensorSize(t));
                if (g.IsGraphOutput(t))
                {
                    w.WriteBoolean("graph_output", true);
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void WriteEdges(Utf8JsonWriter w, ComputationGraph g, IReadOnlyList<int> ops)
    {
        w.WriteStartArray("edges");
        foreach (int op in ops)
        {
            var outs = g.Outputs(op);
            bool simple = IsSimple(g, op);
            for (int k = 0; k < outs.Length; k++)
            {
                foreach (int c in g.Consumers(outs[k]))
                {
                    w.WriteStartArray();
                    w.WriteNumberValue(g.OpId(op));
                    w.WriteNumberValue(g.OpId(c));
                    if (!simple)
                    {
                        w.WriteNumberValue(k);
                    }
                    w.WriteEndArray();
                }
            }
        }
        w.WriteEndArray();
    }

    private static void WriteInputs(Utf8JsonWriter w, ComputationGraph g)
    {
        bool any = false;
        for (int t = 0; t < g.TensorCount; t++)
        {
            if (g.Producer(t) >= 0)
            {
                continue;
            }
            if (!any)
            {
                w.WriteStartArray("inputs");
                any = true;
            }
            w.WriteStartObject();
            w.WriteString("name", g.TensorName(t));
            w.WriteNumber("size", g.TensorSize(t));
            w.WriteBoolean("freeable", g.IsFreeableInput(t));
            w.WriteStartArray("consumers");
            foreach (int c in g.Consumers(t))
            {
                w.WriteNumberValue(g.OpId(c));
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        if (any)
        {
            w.WriteEndArray();
        }
    }

    private static void WriteControlEdges(Utf8JsonWriter w, ComputationGraph g)
    {
        var control = new List<(int, int)>();
        for (int u = 0; u < g.OpCount; u++)
        {
            foreach (int v in g.Successors(u))
            {
                if (!ConsumesOutputOf(g, v, u))
                {
                    control.Add((u, v));
                }
            }
        }
        if (control.Count == 0)
        {
            return;
        }
        w.WriteStartArray("control_edges");
        foreach (var (u, v) in control)
        {
            w.WriteStartArray();
            w.WriteNumberValue(g.OpId(u));
            w.WriteNumberValue(g.OpId(v));
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }

    private static bool ConsumesOutputOf(ComputationGraph g, int consumer, int producer)
    {
        foreach (int t in g.Inputs(consumer))
        {
            if (g.Producer(t) == producer)
            {
                return true;
            }
        }
        return false;
    }
}
