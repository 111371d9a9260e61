using System.Collections.Immutable;
using Scheduler.Graphs.Formats.Onnx;
using Scheduler.Graphs.Formats.Onnx.Proto;
using Scheduler.Graphs.Topology;
using static Scheduler.Graphs.Tests.Formats.Onnx.OnnxTestModels;

namespace Scheduler.Graphs.Tests.Formats.Onnx;

public sealed partial class OnnxGraphReaderTests
{
    private static int Tensor(ComputationGraph g, string name)
    {
        for (int t = 0; t < g.TensorCount; t++)
        {
            if (g.TensorName(t) == name)
            {
                return t;
            }
        }
        throw new Xunit.Sdk.XunitException($"no tensor '{name}' in {g.Name}");
    }

    private static int Op(ComputationGraph g, string name)
    {
        for (int v = 0; v < g.OpCount; v++)
        {
            if (g.OpName(v) == name)
            {
                return v;
            }
        }
        throw new Xunit.Sdk.XunitException($"no op '{name}' in {g.Name}");
    }

    /// <summary>Initializer bytes counted from the stored payloads (raw_data), independent of dims × type.</summary>
    private static long RawInitializerBytes(ModelProto m) => m.Graph.Initializer.Sum(t => (long)t.RawData.Length);

    [Theory]
    [MemberData(nameof(CommittedNames), MemberType = typeof(OnnxTestModels))]
    public void Read_CommittedModel_OneOpPerNodeWithNodeIndexAsId(string name)
    {
        var proto = Load(name);
        var model = OnnxGraphReader.Read(PathOf(name), OnnxReadOptions.Default.WithDims(["batch=2"]));
        var g = model.Graph;

        Assert.Equal(proto.Graph.Node.Count, g.OpCount);
        Assert.Equal(name, g.Name);
        for (int v = 0; v < g.OpCount; v++)
        {
            Assert.Equal(v, g.OpId(v));
            Assert.Equal(v, model.NodeIndex(v));
            Assert.Equal(proto.Graph.Node[v].Name, g.OpName(v));
            Assert.Equal(proto.Graph.Node[v].OpType, g.OpType(v));
        }
        MemoryModel.Validate(g, Enumerable.Range(0, g.OpCount).ToArray()); // exporters write nodes topologically
    }

    [Theory]
    [InlineData("tiny_inception")]
    [InlineData("tiny_transformer")]
    [InlineData("split")]
    public void Read_FreeableInputs_ResidentBytesEqualInitializerPayloads(string name)
    {
        var g = OnnxGraphReader.Read(PathOf(name), new OnnxReadOptions { FreeableInputs = true }).Graph;

        Assert.Equal(RawInitializerBytes(Load(name)), g.ResidentBytes);
    }

    [Fact]
    public void Read_TinyInception_SizesFromShapes()
    {
        var g = OnnxGraphReader.Read(PathOf("tiny_inception")).Graph;

        Assert.Equal(32, g.OpCount);
        Assert.Equal(1 * 3 * 16 * 16 * 4, g.TensorSize(Tensor(g, "image")));
        Assert.Equal(1 * 8 * 16 * 16 * 4, g.TensorSize(Tensor(g, "/stem/stem.0/Conv_output_0")));
        Assert.Equal(8 * 3 * 3 * 3 * 4, g.TensorSize(Tensor(g, "stem.0.weight")));
        Assert.Equal(10 * 4, g.TensorSize(Tensor(g, "logits")));
        Assert.True(g.IsGraphOutput(Tensor(g, "logits")));
        // Inputs are resident by default: the image joins the weights.
        Assert.Equal(RawInitializerBytes(Load("tiny_inception")) + 3072, g.ResidentBytes);
        Assert.True(g.IsResident(Tensor(g, "image")));
        // Each inception cell ends in a Concat of its four branches.
        int concats = 0;
        for (int v = 0; v < g.OpCount; v++)
        {
            if (g.OpType(v) == "Concat")
            {
                concats++;
                Assert.Equal(4, g.Predecessors(v).Length);
            }
        }
        Assert.Equal(2, concats);
    }

    [Fact]
    public void Read_Split_MultiOutputNodeHasOneTensorPerOutput()
    {
        var g = OnnxGraphReader.Read(PathOf("split")).Graph;
        int split = Op(g, "/Split");

        var outputs = g.Outputs(split).ToArray();
        Assert.Equal(3, outputs.Length);
        Assert.Equal([2 * 4L, 4 * 4L, 6 * 4L], outputs.Select(g.TensorSize));
        Assert.Equal(48, g.OutputBytes(split));
        Assert.Equal([Op(g, "/Relu")], g.Consumers(outputs[0]).ToArray());
        Assert.Equal([Op(g, "/Sigmoid")], g.Consumers(outputs[1]).ToArray());
        Assert.Equal([Op(g, "/Tanh")], g.Consumers(outputs[2]).ToArray());
    }

    [Fact]
    public void Read_Constant_ConstantNodeIsAnOpAndOutputsStayLive()
    {
        var g = OnnxGraphReader.Read(PathOf("constant")).Graph;
        int constant = Op(g, "const_c");

        Assert.Equal("Constant", g.OpType(constant));
        Assert.Equal(0, g.Predecessors(constant).Length);
        Assert.Equal(2 * 3 * 4, g.TensorSize(Tensor(g, "c")));
        Assert.Equal(2 * 3 * 2, g.TensorSize(Tensor(g, "xc_half"))); // float16
        Assert.True(g.IsGraphOutput(Tensor(g, "y")));
        Assert.True(g.IsGraphOutput(Tensor(g, "xc_half")));
        Assert.Equal(12 + 24, g.ResidentBytes); // initializer b [3] + input x [2,3]
        // File order const, mul, relu, add, cast: at add, xc (kept for cast) + r + y are live; c died at mul.
        Assert.Equal(24 + 24 + 24, MemoryModel.Evaluate(g, [0, 1, 2, 3, 4]));
        // Casting right after mul frees xc early: at add only r + y + xc_half are live.
        Assert.Equal(24 + 24 + 12, MemoryModel.Evaluate(g, [0, 1, 4, 2, 3]));
    }

    [Fact]
    public void Read_ConstantWithoutValueInfo_SizedFromItsValueAttribute()
    {
        var proto = Load("constant");
        var info = proto.Graph.ValueInfo.Single(v => v.Name == "c");
        proto.Graph.ValueInfo.Remove(info);

        var g = OnnxGraphReader.FromProto(proto).Graph;

        Assert.Equal(24, g.TensorSize(Tensor(g, "c")));
    }

    [Fact]
    public void Read_SymbolicBatch_BoundByDims()
    {
        var options = new OnnxReadOptions { Dims = ImmutableDictionary<string, long>.Empty.Add("batch", 4) };

        var g = OnnxGraphReader.Read(PathOf("batch_mlp"), options).Graph;

        Assert.Equal(4 * 16 * 4, g.TensorSize(Tensor(g, "x")));
        Assert.Equal(4 * 32 * 4, g.TensorSize(Tensor(g, "/net/net.0/Gemm_output_0")));
        Assert.Equal(4 * 8 * 4, g.TensorSize(Tensor(g, "y")));
    }

    [Fact]
    public void Read_SymbolicBatchUnbound_UnknownSizeDefaultApplies()
    {
        var g = OnnxGraphReader.Read(PathOf("batch_mlp"), new OnnxReadOptions { UnknownSizeBytes = 100 }).Graph;

        Assert.Equal(100, g.TensorSize(Tensor(g, "x")));
        Assert.Equal(100, g.TensorSize(Tensor(g, "/net/net.0/Gemm_output_0")));
        Assert.Equal(32 * 16 * 4, g.TensorSize(Tensor(g, "net.0.weight")));
    }

    [Fact]
    public void Read_IfCapture_OuterValuesUsedInsideBranchesAreUsesOfTheIf()
    {
        var g = OnnxGraphReader.Read(PathOf("if_capture")).Graph;
        int ifOp = Op(g, "if");

        // cond is a real input; h (relu) and w (neg) are only captured by the branches.
        Assert.Equal([Op(g, "relu"), Op(g, "gt"), Op(g, "neg")], g.Predecessors(ifOp).ToArray());
        Assert.Contains(ifOp, g.Consumers(Tensor(g, "w")).ToArray());
        Assert.DoesNotContain(Enumerable.Range(0, g.TensorCount), t => g.TensorName(t) is "t_out" or "e_out");
    }

    [Fact]
    public void Read_EmptyOptionalInput_Ignored()
    {
        var clip = Node("clip", "Clip", ["x", "", "hi"], ["y"]);
        var hi = Node("hi", "Constant", [], ["hi"]);
        var proto = Chain([hi, clip], ["hi"]);

        var g = OnnxGraphReader.FromProto(proto).Graph;

        Assert.Equal([0], g.Predecessors(1).ToArray());
        Assert.Equal(2, g.Inputs(1).Length); // x and hi
    }

    [Fact]
    public void Read_UnsortedNodes_EdgesFollowValuesNotFileOrder()
    {
        var proto = Chain([Node("b", "Relu", ["a"], ["y"]), Node("a", "Relu", ["x"], ["a"])], ["a"]);

        var g = OnnxGraphReader.FromProto(proto).Graph;

        Assert.Equal([1], g.Predecessors(0).ToArray());
        Assert.Equal([1, 0], TopologicalSort.KahnOrder(g));
    }
}
