using Scheduler.Graphs.Formats.Onnx;
using static Scheduler.Graphs.Tests.Formats.Onnx.OnnxTestModels;

namespace Scheduler.Graphs.Tests.Formats.Onnx;

public sealed partial class OnnxGraphReaderTests
{
    private static Scheduler.Graphs.Formats.Onnx.Proto.ModelProto ViewChain() => Chain(
        [Node("r", "Relu", ["x"], ["a"]), Node("i", "Identity", ["a"], ["b"]), Node("t", "Transpose", ["b"], ["c"]), Node("s", "Add", ["a", "c"], ["y"])],
        ["a", "b", "c"]);

    [Fact]
    public void Read_ViewOps_MarksTheirOutputAsAViewOfInputZero()
    {
        var g = OnnxGraphReader.FromProto(ViewChain()).Graph;
        int a = g.Outputs(0)[0];
        Assert.Equal(a, g.AliasOf(g.Outputs(1)[0]));
        // Transpose is not a view by default (a copy in ONNX Runtime and TFLite).
        Assert.Equal(-1, g.AliasOf(g.Outputs(2)[0]));
        Assert.Equal(-1, g.AliasOf(a));
    }

    [Fact]
    public void Read_ViewOpsWithTranspose_MarksTransposeToo()
    {
        var options = OnnxReadOptions.Default with { ViewOps = MemoryModelOptions.ViewOpsWithTranspose };
        var g = OnnxGraphReader.FromProto(ViewChain(), options).Graph;
        Assert.Equal(g.Outputs(1)[0], g.AliasOf(g.Outputs(2)[0]));
        // a, b and c share one 24-byte buffer; only the Add allocates beside it. As copies, a, b and c are live together.
        Assert.Equal(48, MemoryModel.Evaluate(g, [0, 1, 2, 3], MemoryModelOptions.Parse("views")));
        Assert.Equal(72, MemoryModel.Evaluate(g, [0, 1, 2, 3]));
    }
}
