using Google.Protobuf;
using Scheduler.Graphs.Formats.Onnx;
using Scheduler.Graphs.Formats.Onnx.Proto;
using static Scheduler.Graphs.Tests.Formats.Onnx.OnnxTestModels;

namespace Scheduler.Graphs.Tests.Formats.Onnx;

public sealed partial class OnnxGraphReaderTests
{
    [Fact]
    public void Read_SymbolicDimUnbound_ErrorNamesFileValueAndDim()
    {
        var ex = Assert.Throws<GraphFormatException>(() => OnnxGraphReader.Read(PathOf("batch_mlp")));

        Assert.Contains("batch_mlp.onnx", ex.Message);
        Assert.Contains("'x'", ex.Message);
        Assert.Contains("graph input", ex.Message);
        Assert.Contains("'batch'", ex.Message);
    }

    [Fact]
    public void Read_UnknownDimOfNodeOutput_ErrorNamesValueAndProducingNode()
    {
        // Fix the input's batch, so the first unknown value is an intermediate one.
        var proto = Load("batch_mlp");
        proto.Graph.Input[0].Type.TensorType.Shape.Dim[0].DimValue = 2;
        using var dir = new TempDir();
        string path = dir.File("partly_bound.onnx");
        File.WriteAllBytes(path, proto.ToByteArray());

        var ex = Assert.Throws<GraphFormatException>(() => OnnxGraphReader.Read(path));

        Assert.StartsWith(path, ex.Message);
        Assert.Contains("'/net/net.0/Gemm_output_0'", ex.Message);
        Assert.Contains("node 0 '/net/net.0/Gemm' (Gemm)", ex.Message);
    }

    [Fact]
    public void Read_NoValueInfoForIntermediate_ErrorNamesValueAndNode()
    {
        var proto = Chain([Node("r1", "Relu", ["x"], ["a"]), Node("r2", "Relu", ["a"], ["y"])], ["a"], untyped: "a");

        var ex = Assert.Throws<GraphFormatException>(() => OnnxGraphReader.FromProto(proto, source: "m.onnx"));

        Assert.StartsWith("m.onnx: ", ex.Message);
        Assert.Contains("'a' (output 0 of node 0 'r1' (Relu))", ex.Message);
        var g = OnnxGraphReader.FromProto(proto, new OnnxReadOptions { UnknownSizeBytes = 7 }).Graph;
        Assert.Equal(7, g.TensorSize(Tensor(g, "a")));
    }

    [Fact]
    public void Read_MissingFile_ErrorNamesFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.onnx");

        var ex = Assert.Throws<GraphFormatException>(() => OnnxGraphReader.Read(path));

        Assert.Contains(path, ex.Message);
    }

    [Theory]
    [InlineData("not onnx, just some text\n")]
    [InlineData("\u0001\u0002\u0003garbage")]
    [InlineData("")]
    public void Read_NotAnOnnxFile_ErrorNamesFile(string content)
    {
        using var dir = new TempDir();
        string path = dir.File("bogus.onnx");
        File.WriteAllText(path, content);

        var ex = Assert.Throws<GraphFormatException>(() => OnnxGraphReader.Read(path));

        Assert.StartsWith(path, ex.Message);
        Assert.Contains("not an ONNX model", ex.Message);
    }

    [Fact]
    public void Read_StringTensor_ErrorEvenWithUnknownSizeDefault()
    {
        var proto = Chain([Node("r", "Identity", ["x"], ["y"])], []);
        proto.Graph.Input[0] = Value("x", 8, 2, 3);

        var ex = Assert.Throws<GraphFormatException>(
            () => OnnxGraphReader.FromProto(proto, new OnnxReadOptions { UnknownSizeBytes = 1 }, "s.onnx"));

        Assert.Contains("'x'", ex.Message);
        Assert.Contains("string tensor", ex.Message);
    }

    [Fact]
    public void Read_UndefinedInput_ErrorNamesNodeAndValue()
    {
        var proto = Chain([Node("add", "Add", ["x", "ghost"], ["y"])], []);

        var ex = Assert.Throws<GraphFormatException>(() => OnnxGraphReader.FromProto(proto, source: "u.onnx"));

        Assert.Contains("'ghost'", ex.Message);
        Assert.Contains("node 0 'add' (Add)", ex.Message);
    }

    [Fact]
    public void Read_ValueDefinedTwice_Error()
    {
        var proto = Chain([Node("a", "Relu", ["x"], ["y"]), Node("b", "Relu", ["x"], ["y"])], []);

        var ex = Assert.Throws<GraphFormatException>(() => OnnxGraphReader.FromProto(proto));

        Assert.Contains("defined twice", ex.Message);
    }

    [Fact]
    public void Read_Cycle_GraphFormatExceptionWithSource()
    {
        var proto = Chain([Node("a", "Add", ["x", "b"], ["a"]), Node("b", "Relu", ["a"], ["b"]), Node("c", "Relu", ["a"], ["y"])], ["a", "b"]);

        var ex = Assert.Throws<GraphFormatException>(() => OnnxGraphReader.FromProto(proto, source: "cyc.onnx"));

        Assert.StartsWith("cyc.onnx: ", ex.Message);
    }

    [Theory]
    [InlineData(22, 5, 3L)]  // INT4: 5 nibbles pack into 3 bytes
    [InlineData(17, 5, 5L)]  // FLOAT8E4M3FN
    [InlineData(16, 5, 10L)] // BFLOAT16
    [InlineData(15, 5, 80L)] // COMPLEX128
    [InlineData(9, 5, 5L)]   // BOOL
    [InlineData(26, 5, 2L)]  // INT2
    public void Read_ElementTypes_BytesFromBitsPerElement(int elemType, int count, long bytes)
    {
        var proto = Chain([Node("r", "Identity", ["x"], ["y"])], []);
        proto.Graph.Input[0] = Value("x", elemType, count);

        var g = OnnxGraphReader.FromProto(proto).Graph;

        Assert.Equal(bytes, g.TensorSize(0));
    }

    [Theory]
    [InlineData("batch=8", "batch", 8L)]
    [InlineData(" seq_len = 128 ", "seq_len", 128L)]
    [InlineData("a=b=3", "a=b", 3L)]
    public void ParseDim_Valid_NameAndValue(string spec, string name, long value)
        => Assert.Equal((name, value), OnnxReadOptions.ParseDim(spec));

    [Theory]
    [InlineData("batch")]
    [InlineData("=3")]
    [InlineData("batch=-1")]
    [InlineData("batch=x")]
    public void ParseDim_Invalid_ArgumentException(string spec)
        => Assert.Throws<ArgumentException>(() => OnnxReadOptions.ParseDim(spec));
}
