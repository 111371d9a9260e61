using System.Globalization;
using System.Text;

namespace Scheduler.Graphs.Formats;

/// <summary>
/// Graphviz DOT export for looking at a graph: one node per op labelled with its name and output bytes, one edge per
/// op dependency. With an order, each label also shows the op's step and the memory at that step under the memory model
/// in force, which the picture names; under views an op whose outputs are all views is drawn dashed ("view, 0 B").
/// </summary>
public static class DotWriter
{
    /// <summary>Renders the graph; <paramref name="order"/> (optional, validated) adds step numbers and step memory under
    /// <paramref name="memory"/> (null: the default model).</summary>
    /// <exception cref="InvalidScheduleException">The order is not valid for the graph.</exception>
    public static string Write(ComputationGraph graph, IReadOnlyList<int>? order = null, MemoryModelOptions? memory = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        memory ??= MemoryModelOptions.Default;
        var step = new int[graph.OpCount];
        long[]? profile = null;
        if (order is not null)
        {
            profile = MemoryModel.Profile(graph, order.ToArray(), memory);
            for (int i = 0; i < order.Count; i++)
            {
                step[order[i]] = i;
            }
        }
        var dot = new StringBuilder();
        dot.Append("digraph ").Append(Quote(graph.Name.Length == 0 ? "graph" : graph.Name)).AppendLine(" {");
        dot.AppendLine("  node [shape=box, fontsize=10];");
        if (!memory.IsDefault)
        {
            dot.Append("  label=").Append(Quote($"memory model: {memory.Name}")).AppendLine(";");
        }
        for (int v = 0; v < graph.OpCount; v++)
        {
            string name = graph.OpName(v).Length > 0 ? graph.OpName(v) : graph.OpId(v).ToString(CultureInfo.InvariantCulture);
            bool view = memory.Views && graph.Outputs(v).Length > 0 && IsAllViews(graph, v);
            string label = view ? $"{name}\\nview, 0 B" : $"{name}\\n{graph.OutputBytes(v)} B";
            if (profile is not null)
            {
                label += $"\\nstep {step[v]}: {profile[step[v]]} B live";
            }
            dot.Append(CultureInfo.InvariantCulture, $"  n{graph.OpId(v)} [label={Quote(label)}{(view ? ", style=dashed" : "")}];").AppendLine();
        }
        for (int u = 0; u < graph.OpCount; u++)
        {
            foreach (int w in graph.Successors(u))
            {
                dot.Append(CultureInfo.InvariantCulture, $"  n{graph.OpId(u)} -> n{graph.OpId(w)};").AppendLine();
            }
        }
        return dot.AppendLine("}").ToString();
    }

    private static bool IsAllViews(ComputationGraph graph, int op)
    {
        foreach (int t in graph.Outputs(op))
        {
            if (graph.AliasOf(t) < 0)
            {
                return false;
            }
        }
        return true;
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\\\\n", "\\n", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
