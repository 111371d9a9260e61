using System.Globalization;
using Google.Protobuf.Collections;
using Scheduler.Graphs.Formats.Onnx.Proto;

namespace Scheduler.Graphs.Formats.Onnx;

/// <summary>
/// Every <see cref="TensorProto"/> a model stores: initializers and sparse initializers of the main graph and of every
/// subgraph (If/Loop/Scan bodies, at any depth), and attribute tensors (<c>t</c>, <c>tensors</c>, sparse ones) of every
/// node, functions included. These are the tensors whose payload may live in external data; the set is the one
/// onnx's <c>external_data_helper._get_all_tensors</c> walks, plus sparse tensors.
/// </summary>
internal static class OnnxStoredTensors
{
    /// <summary>The stored tensors of <paramref name="model"/> in a fixed order (graph before its nodes, nodes in file order).</summary>
    public static List<StoredTensor> Of(ModelProto model)
    {
        var found = new List<StoredTensor>();
        if (model.Graph is not null)
        {
            AddGraph(model.Graph, "", found);
        }
        foreach (var function in model.Functions)
        {
            AddNodes(function.Node, $" in function '{function.Name}'", found);
        }
        return found;
    }

    private static void AddGraph(GraphProto graph, string where, List<StoredTensor> found)
    {
        foreach (var t in graph.Initializer)
        {
            found.Add(new StoredTensor(t, $"initializer '{t.Name}'{where}"));
        }
        foreach (var s in graph.SparseInitializer)
        {
            AddSparse(s, $"sparse initializer '{s.Values?.Name}'{where}", found);
        }
        AddNodes(graph.Node, where, found);
    }

    private static void AddNodes(RepeatedField<NodeProto> nodes, string where, List<StoredTensor> found)
    {
        for (int i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            string described = $"node {i.ToString(CultureInfo.InvariantCulture)} '{node.Name}' ({node.OpType}){where}";
            foreach (var a in node.Attribute)
            {
                string attribute = $"attribute '{a.Name}' of {described}";
                if (a.T is not null)
                {
                    found.Add(new StoredTensor(a.T, $"tensor '{a.T.Name}' of {attribute}"));
                }
                foreach (var t in a.Tensors)
                {
                    found.Add(new StoredTensor(t, $"tensor '{t.Name}' of {attribute}"));
                }
                if (a.SparseTensor is not null)
                {
                    AddSparse(a.SparseTensor, $"sparse tensor of {attribute}", found);
                }
                foreach (var s in a.SparseTensors)
                {
                    AddSparse(s, $"sparse tensor of {attribute}", found);
                }
                if (a.G is not null)
                {
                    AddGraph(a.G, $" in subgraph '{a.Name}' of {described}", found);
                }
                foreach (var g in a.Graphs)
                {
                    AddGraph(g, $" in a subgraph '{a.Name}' of {described}", found);
                }
            }
        }
    }

    private static void AddSparse(SparseTensorProto s, string owner, List<StoredTensor> found)
    {
        if (s.Values is not null)
        {
            found.Add(new StoredTensor(s.Values, $"values of {owner}"));
        }
        if (s.Indices is not null)
        {
            found.Add(new StoredTensor(s.Indices, $"indices of {owner}"));
        }
    }
}
