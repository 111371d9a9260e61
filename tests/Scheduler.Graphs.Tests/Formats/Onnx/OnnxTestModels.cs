using Google.Protobuf;
using Scheduler.Graphs;
using Scheduler.Graphs.Formats.Onnx.Proto;
using Scheduler.Testing;

namespace Scheduler.Graphs.Tests.Formats.Onnx;

/// <summary>Paths of the committed ONNX models and small in-memory models for the error cases.</summary>
internal static class OnnxTestModels
{
    public static readonly string[] Committed =
        ["tiny_inception", "tiny_transformer", "split", "batch_mlp", "constant", "if_capture"];

    public static IEnumerable<object[]> CommittedNames() => Committed.Select(n => new object[] { n });

    public static string PathOf(string name) => Path.Combine(TestData.RepoRoot, "datasets", "onnx", name + ".onnx");

    public static ModelProto Load(string name) => ModelProto.Parser.ParseFrom(File.ReadAllBytes(PathOf(name)));

    /// <summary>A float tensor value_info with the given dims (a string is a dim_param).</summary>
    public static ValueInfoProto Value(string name, int elemType, params object[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var d in dims)
        {
            shape.Dim.Add(d is string p ? new TensorShapeProto.Types.Dimension { DimParam = p }
                : new TensorShapeProto.Types.Dimension { DimValue = Convert.ToInt64(d, System.Globalization.CultureInfo.InvariantCulture) });
        }
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = elemType, Shape = shape } },
        };
    }

    public static NodeProto Node(string name, string opType, string[] inputs, string[] outputs)
    {
        var node = new NodeProto { Name = name, OpType = opType };
        node.Input.Add(inputs);
        node.Output.Add(outputs);
        return node;
    }

    /// <summary>x[2,3] float → nodes → y; every listed value gets a float [2,3] value_info unless in <paramref name="untyped"/>.</summary>
    public static ModelProto Chain(IEnumerable<NodeProto> nodes, string[] values, params string[] untyped)
    {
        var graph = new GraphProto { Name = "chain" };
        graph.Node.Add(nodes);
        graph.Input.Add(Value("x", 1, 2, 3));
        graph.Output.Add(Value("y", 1, 2, 3));
        foreach (string v in values.Except(untyped))
        {
            graph.ValueInfo.Add(Value(v, 1, 2, 3));
        }
        var model = new ModelProto { IrVersion = 8, Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 13 });
        return model;
    }

    /// <summary>A temp folder deleted on dispose.</summary>
    public sealed class TempDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("onnx-tests-").FullName;

        public string File(string name) => System.IO.Path.Combine(Path, name);

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }

    /// <summary>Serialized bytes of every node, for comparing node multisets.</summary>
    public static List<string> NodeBytes(ModelProto model)
        => model.Graph.Node.Select(n => Convert.ToBase64String(n.ToByteArray())).ToList();

    /// <summary>A valid order that is as different as possible from the file order: Kahn, highest index first.</summary>
    public static int[] LatestFirstOrder(ComputationGraph g)
    {
        var indegree = new int[g.OpCount];
        var ready = new PriorityQueue<int, int>();
        for (int v = 0; v < g.OpCount; v++)
        {
            indegree[v] = g.Predecessors(v).Length;
            if (indegree[v] == 0)
            {
                ready.Enqueue(v, -v);
            }
        }
        var order = new List<int>(g.OpCount);
        while (ready.TryDequeue(out int v, out _))
        {
            order.Add(v);
            foreach (int s in g.Successors(v))
            {
                if (--indegree[s] == 0)
                {
                    ready.Enqueue(s, -s);
                }
            }
        }
        return order.ToArray();
    }
}
