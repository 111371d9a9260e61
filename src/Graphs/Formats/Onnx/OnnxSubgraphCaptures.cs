using Scheduler.Graphs.Formats.Onnx.Proto;

namespace Scheduler.Graphs.Formats.Onnx;

/// <summary>
/// Names of outer-scope values that a node's subgraphs (If branches, Loop/Scan bodies) read without listing them as
/// node inputs. The reader does not descend into subgraphs as ops, but such a capture is a real use of the value by
/// the node: it must be computed before the node runs and stay live until the node has run (ONNX IR spec, "Names
/// Within a Graph": a subgraph may reference names from an outer scope).
/// </summary>
internal static class OnnxSubgraphCaptures
{
    /// <summary>Distinct captured names, in first-use order.</summary>
    public static List<string> Of(NodeProto node)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var attribute in node.Attribute)
        {
            if (attribute.G is not null)
            {
                AddCaptures(attribute.G, result, seen);
            }
            foreach (var graph in attribute.Graphs)
            {
                AddCaptures(graph, result, seen);
            }
        }
        return result;
    }

    private static void AddCaptures(GraphProto graph, List<string> result, HashSet<string> seen)
    {
        // ONNX forbids shadowing an outer name, so "used here but not defined here" is exactly "from outside".
        var defined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in graph.Input)
        {
            defined.Add(v.Name);
        }
        foreach (var t in graph.Initializer)
        {
            defined.Add(t.Name);
        }
        foreach (var s in graph.SparseInitializer)
        {
            defined.Add(s.Values?.Name ?? "");
        }
        foreach (var n in graph.Node)
        {
            foreach (string o in n.Output)
            {
                defined.Add(o);
            }
        }
        void Use(string name)
        {
            if (name.Length > 0 && !defined.Contains(name) && seen.Add(name))
            {
                result.Add(name);
            }
        }
        foreach (var n in graph.Node)
        {
            foreach (string i in n.Input)
            {
                Use(i);
            }
            foreach (string inner in Of(n))
            {
                Use(inner);
            }
        }
        foreach (var v in graph.Output)
        {
            Use(v.Name);
        }
    }
}
