using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Scheduler.Graphs.Formats;

/// <summary>
/// Writes the JSON graph format, version 1: one node, edge or input per line. Single-output ops use the simple
/// <c>size</c> form; others the <c>outputs</c> form with <c>[src, dst, k]</c> edges. Output is deterministic (same
/// graph, same bytes), and files are written to a temporary name first and then renamed, so a failure never leaves a
/// partial file.
/// </summary>
public static class JsonGraphWriter
{
    /// <summary>Serialises <paramref name="graph"/>; nodes appear in <paramref name="order"/> (default: input order).</summary>
    public static string Write(ComputationGraph graph, IReadOnlyList<int>? order = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var ops = order ?? Enumerable.Range(0, graph.OpCount).ToArray();
        var inputIndex = InputIndex(graph);
        var sb = new StringBuilder();
        sb.Append("{\n  \"name\": ").Append(Compact(w => w.WriteStringValue(graph.Name))).Append(",\n  \"nodes\": [");
        AppendLines(sb, ops.Select(op => Compact(w => WriteNode(w, graph, op, inputIndex))).ToList());
        sb.Append("],\n  \"edges\": [");
        AppendLines(sb, Edges(graph, ops));
        sb.Append(']');
        AppendSection(sb, "inputs", Inputs(graph));
        AppendSection(sb, "control_edges", ControlEdges(graph));
        return sb.Append("\n}\n").ToString();
    }

    /// <summary>Writes the graph to <paramref name="path"/> atomically (temp file, then rename).</summary>
    public static void WriteFile(ComputationGraph graph, string path, IReadOnlyList<int>? order = null)
        => AtomicFile.WriteAllText(path, Write(graph, order));

    private static void AppendSection(StringBuilder sb, string name, List<string> lines)
    {
        if (lines.Count > 0)
        {
            sb.Append(",\n  \"").Append(name).Append("\": [");
            AppendLines(sb, lines);
            sb.Append(']');
        }
    }

    private static void AppendLines(StringBuilder sb, List<string> lines)
    {
        for (int i = 0; i < lines.Count; i++)
        {
            sb.Append(i == 0 ? "\n    " : ",\n    ").Append(lines[i]);
        }
        if (lines.Count > 0)
        {
            sb.Append("\n  ");
        }
    }

    private static string Compact(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            write(w);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static bool IsSimple(ComputationGraph g, int op)
        => g.Outputs(op).Length == 1 && !g.IsGraphOutput(g.Outputs(op)[0]) && g.TensorName(g.Outputs(op)[0]).Length == 0
            && g.AliasOf(g.Outputs(op)[0]) < 0;

    /// <summary>Each graph input's index in the written <c>inputs</c> array (tensor order), for <c>alias_of</c>; empty
    /// when nothing is an alias.</summary>
    private static Dictionary<int, int> InputIndex(ComputationGraph g)
    {
        var index = new Dictionary<int, int>();
        for (int t = 0; g.HasAliases && t < g.TensorCount; t++)
        {
            if (g.Producer(t) < 0)
            {
                index[t] = index.Count;
            }
        }
        return index;
    }

    private static void WriteNode(Utf8JsonWriter w, ComputationGraph g, int op, Dictionary<int, int> inputIndex)
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
                if (g.AliasOf(t) >= 0)
                {
                    JsonAliases.Write(w, g, t, inputIndex);
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static List<string> Edges(ComputationGraph g, IReadOnlyList<int> ops)
    {
        var lines = new List<string>();
        foreach (int op in ops)
        {
            var outs = g.Outputs(op);
            bool simple = IsSimple(g, op);
            for (int k = 0; k < outs.Length; k++)
            {
                foreach (int c in g.Consumers(outs[k]))
                {
                    lines.Add(simple
                        ? string.Create(CultureInfo.InvariantCulture, $"[{g.OpId(op)}, {g.OpId(c)}]")
                        : string.Create(CultureInfo.InvariantCulture, $"[{g.OpId(op)}, {g.OpId(c)}, {k}]"));
                }
            }
        }
        return lines;
    }

    private static List<string> Inputs(ComputationGraph g)
    {
        var lines = new List<string>();
        for (int t = 0; t < g.TensorCount; t++)
        {
            if (g.Producer(t) >= 0)
            {
                continue;
            }
            int tensor = t;
            lines.Add(Compact(w =>
            {
                w.WriteStartObject();
                w.WriteString("name", g.TensorName(tensor));
                w.WriteNumber("size", g.TensorSize(tensor));
                w.WriteBoolean("freeable", g.IsFreeableInput(tensor));
                w.WriteStartArray("consumers");
                foreach (int c in g.Consumers(tensor))
                {
                    w.WriteNumberValue(g.OpId(c));
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }));
        }
        return lines;
    }

    /// <summary>Op edges that no tensor explains (ordering-only edges). O(V + E): the consumers of each op's outputs are
    /// stamped once, so an op with a million inputs costs a million steps, not a million scans of its inputs.</summary>
    private static List<string> ControlEdges(ComputationGraph g)
    {
        var lines = new List<string>();
        var stamp = new int[g.OpCount];
        for (int u = 0; u < g.OpCount; u++)
        {
            foreach (int t in g.Outputs(u))
            {
                foreach (int c in g.Consumers(t))
                {
                    stamp[c] = u + 1;
                }
            }
            foreach (int v in g.Successors(u))
            {
                if (stamp[v] != u + 1)
                {
                    lines.Add(string.Create(CultureInfo.InvariantCulture, $"[{g.OpId(u)}, {g.OpId(v)}]"));
                }
            }
        }
        return lines;
    }
}
