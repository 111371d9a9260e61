using System.Globalization;
using Google.Protobuf;
using Scheduler.Graphs.Formats.Onnx.Proto;

namespace Scheduler.Testing;

/// <summary>
/// A small ONNX model whose tensors keep their data in external files, built in code (Python onnx is not available
/// to write one): initializers w1 and w2 in <see cref="Weights"/>, a Constant's value c and the initializer t of an
/// If's then-branch in <see cref="More"/> (a subfolder). <c>y = (x + w1) * w2 - c</c>, <c>z = If(cond, t, w1)</c>.
/// </summary>
public static class ExternalDataModels
{
    /// <summary>The model file's name.</summary>
    public const string ModelFile = "model.onnx";

    /// <summary>w1 at offset 0 (24 bytes), w2 at offset 32 (24 bytes); 56 bytes.</summary>
    public const string Weights = "weights.bin";

    /// <summary>c at offset 0 (24 bytes), t from offset 24 to the end (no length); 48 bytes.</summary>
    public const string More = "sub/more.bin";

    /// <summary>The model, every location as documented above.</summary>
    public static ModelProto Build()
    {
        var graph = new GraphProto { Name = "external" };
        graph.Input.Add([Value("x", 1, 2, 3), Value("cond", 9)]);
        graph.Output.Add([Value("y", 1, 2, 3), Value("z", 1, 2, 3)]);
        graph.ValueInfo.Add([Value("a", 1, 2, 3), Value("b", 1, 2, 3)]);
        graph.Initializer.Add([External("w1", Weights, 0, 24, 2, 3), External("w2", Weights, 32, 24, 2, 3)]);
        graph.Node.Add([Node("add", "Add", ["x", "w1"], ["a"]), Node("mul", "Mul", ["a", "w2"], ["b"])]);
        var constant = Node("const", "Constant", [], ["c"]);
        constant.Attribute.Add(new AttributeProto { Name = "value", Type = AttributeProto.Types.AttributeType.Tensor, T = External("c", More, 0, 24, 2, 3) });
        graph.Node.Add([constant, Node("sub", "Sub", ["b", "c"], ["y"])]);
        var then = Branch("then", "t", External("t", More, 24, null, 2, 3));
        var otherwise = Branch("else", "w1", null);
        var branch = Node("if", "If", ["cond"], ["z"]);
        branch.Attribute.Add(new AttributeProto { Name = "then_branch", Type = AttributeProto.Types.AttributeType.Graph, G = then });
        branch.Attribute.Add(new AttributeProto { Name = "else_branch", Type = AttributeProto.Types.AttributeType.Graph, G = otherwise });
        graph.Node.Add(branch);
        var model = new ModelProto { IrVersion = 8, Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 13 });
        return model;
    }

    /// <summary>Writes <paramref name="model"/> (default <see cref="Build"/>) and both data files into <paramref name="folder"/>; returns the model's path.</summary>
    public static string WriteTo(string folder, ModelProto? model = null)
    {
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        File.WriteAllBytes(Path.Combine(folder, Weights), Data(56, 7));
        File.WriteAllBytes(Path.Combine(folder, More), Data(48, 13));
        string path = Path.Combine(folder, ModelFile);
        File.WriteAllBytes(path, (model ?? Build()).ToByteArray());
        return path;
    }

    /// <summary>A float (or <paramref name="dataType"/>) tensor of <paramref name="dims"/> stored externally.</summary>
    public static TensorProto External(string name, string location, long? offset, long? length, params long[] dims)
        => External(name, 1, location, offset, length, dims);

    /// <summary>A tensor of <paramref name="dataType"/> stored externally.</summary>
    public static TensorProto External(string name, int dataType, string location, long? offset, long? length, params long[] dims)
    {
        var t = new TensorProto { Name = name, DataType = dataType, DataLocation = TensorProto.Types.DataLocation.External };
        t.Dims.Add(dims);
        t.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = location });
        if (offset is long o)
        {
            t.ExternalData.Add(new StringStringEntryProto { Key = "offset", Value = o.ToString(CultureInfo.InvariantCulture) });
        }
        if (length is long l)
        {
            t.ExternalData.Add(new StringStringEntryProto { Key = "length", Value = l.ToString(CultureInfo.InvariantCulture) });
        }
        return t;
    }

    /// <summary>The external references of the main graph's initializers, Constant values and subgraph initializers, in a fixed order.</summary>
    public static List<ExternalRef> Externals(ModelProto model)
    {
        var found = new List<ExternalRef>();
        Collect(model.Graph, found);
        return found;
    }

    /// <summary>The bytes a reference names, read from a model in <paramref name="folder"/> (length null: to the end).</summary>
    public static byte[] BytesAt(string folder, ExternalRef r)
    {
        byte[] all = File.ReadAllBytes(Path.Combine(folder, r.Location));
        long length = r.Length ?? all.Length - r.Offset;
        return all.AsSpan(checked((int)r.Offset), checked((int)length)).ToArray();
    }

    private static void Collect(GraphProto graph, List<ExternalRef> found)
    {
        foreach (var t in graph.Initializer)
        {
            Add(t, found);
        }
        foreach (var a in graph.Node.SelectMany(n => n.Attribute))
        {
            if (a.T is not null)
            {
                Add(a.T, found);
            }
            if (a.G is not null)
            {
                Collect(a.G, found);
            }
        }
    }

    private static void Add(TensorProto t, List<ExternalRef> found)
    {
        if (t.DataLocation != TensorProto.Types.DataLocation.External)
        {
            return;
        }
        string Entry(string key) => t.ExternalData.LastOrDefault(e => e.Key == key)?.Value ?? "";
        long? Number(string key) => Entry(key) is { Length: > 0 } s ? long.Parse(s, CultureInfo.InvariantCulture) : null;
        found.Add(new ExternalRef(t.Name, Entry("location"), Number("offset") ?? 0, Number("length")));
    }

    private static GraphProto Branch(string name, string source, TensorProto? initializer)
    {
        var g = new GraphProto { Name = name };
        if (initializer is not null)
        {
            g.Initializer.Add(initializer);
        }
        g.Node.Add(Node(name + "_id", "Identity", [source], [name + "_out"]));
        g.Output.Add(Value(name + "_out", 1, 2, 3));
        return g;
    }

    private static byte[] Data(int length, int step)
        => Enumerable.Range(0, length).Select(i => (byte)(((i * step) + 1) & 0xFF)).ToArray();

    private static ValueInfoProto Value(string name, int elemType, params long[] dims)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(dims.Select(d => new TensorShapeProto.Types.Dimension { DimValue = d }));
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = elemType, Shape = shape } } };
    }

    private static NodeProto Node(string name, string opType, string[] inputs, string[] outputs)
    {
        var node = new NodeProto { Name = name, OpType = opType };
        node.Input.Add(inputs);
        node.Output.Add(outputs);
        return node;
    }
}
