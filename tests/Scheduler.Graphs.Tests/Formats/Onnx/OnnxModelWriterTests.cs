using Google.Protobuf;
using Scheduler.Graphs.Formats.Onnx;
using Scheduler.Graphs.Formats.Onnx.Proto;
using static Scheduler.Graphs.Tests.Formats.Onnx.OnnxTestModels;

namespace Scheduler.Graphs.Tests.Formats.Onnx;

public sealed partial class OnnxModelWriterTests
{
    private static readonly OnnxReadOptions Batch2 = OnnxReadOptions.Default.WithDims(["batch=2"]);

    private static ModelProto WithoutNodes(ModelProto m)
    {
        var copy = m.Clone();
        copy.Graph.Node.Clear();
        return copy;
    }

    [Theory]
    [MemberData(nameof(CommittedNames), MemberType = typeof(OnnxTestModels))]
    public void Write_LatestFirstOrder_SameNodesNewOrderEverythingElseIdentical(string name)
    {
        using var dir = new TempDir();
        var model = OnnxGraphReader.Read(PathOf(name), Batch2);
        int[] order = LatestFirstOrder(model.Graph);
        string outPath = dir.File(name + ".sched.onnx");

        OnnxModelWriter.Write(model, order, outPath);

        var original = Load(name);
        var written = ModelProto.Parser.ParseFrom(File.ReadAllBytes(outPath));
        var before = NodeBytes(original);
        var after = NodeBytes(written);
        Assert.Equal(before.Order(StringComparer.Ordinal), after.Order(StringComparer.Ordinal));
        Assert.Equal(order.Select(i => before[i]), after);
        Assert.Equal(WithoutNodes(original), WithoutNodes(written));
        Assert.Equal(WithoutNodes(original).ToByteArray(), WithoutNodes(written).ToByteArray());
    }

    [Theory]
    [MemberData(nameof(CommittedNames), MemberType = typeof(OnnxTestModels))]
    public void Write_Reordered_ReadBackFileOrderHasTheScheduledPeak(string name)
    {
        using var dir = new TempDir();
        var model = OnnxGraphReader.Read(PathOf(name), Batch2);
        int[] order = LatestFirstOrder(model.Graph);
        string outPath = dir.File("out.onnx");

        OnnxModelWriter.Write(model, order, outPath);
        var reread = OnnxGraphReader.Read(outPath, Batch2).Graph;

        Assert.Equal(model.Graph.OpCount, reread.OpCount);
        Assert.Equal(model.Graph.ResidentBytes, reread.ResidentBytes);
        for (int i = 0; i < order.Length; i++)
        {
            Assert.Equal(model.Graph.OpName(order[i]), reread.OpName(i));
        }
        Assert.Equal(MemoryModel.Evaluate(model.Graph, order), MemoryModel.Evaluate(reread, Enumerable.Range(0, reread.OpCount).ToArray()));
    }

    [Theory]
    [MemberData(nameof(CommittedNames), MemberType = typeof(OnnxTestModels))]
    public void Write_FileOrder_ByteIdenticalToSource(string name)
    {
        using var dir = new TempDir();
        string outPath = dir.File("same.onnx");

        OnnxModelWriter.Write(PathOf(name), Enumerable.Range(0, Load(name).Graph.Node.Count).ToArray(), outPath);

        Assert.Equal(File.ReadAllBytes(PathOf(name)), File.ReadAllBytes(outPath));
    }

    [Fact]
    public void Write_SourcePathWithUnboundDims_ReordersWithoutSizes()
    {
        using var dir = new TempDir();
        string outPath = dir.File("mlp.onnx");

        OnnxModelWriter.Write(PathOf("batch_mlp"), [0, 1, 2], outPath);

        Assert.Equal(3, ModelProto.Parser.ParseFrom(File.ReadAllBytes(outPath)).Graph.Node.Count);
    }

    [Fact]
    public void Write_UnknownFields_SurviveRoundTrip()
    {
        using var dir = new TempDir();
        // Append field 1000 (varint 42) to the model and field 900 (bytes "x") to the If node: numbers no onnx.proto uses.
        var proto = Load("if_capture");
        var node = proto.Graph.Node[4];
        var nodeBytes = node.ToByteArray().Concat(new byte[] { 0xA2, 0x38, 0x01, (byte)'x' }).ToArray();
        proto.Graph.Node[4] = NodeProto.Parser.ParseFrom(nodeBytes);
        var bytes = proto.ToByteArray().Concat(new byte[] { 0xC0, 0x3E, 42 }).ToArray();
        string source = dir.File("unknown.onnx"), outPath = dir.File("unknown.sched.onnx");
        File.WriteAllBytes(source, bytes);
        var model = OnnxGraphReader.Read(source);
        int[] order = LatestFirstOrder(model.Graph);

        OnnxModelWriter.Write(model, order, outPath);

        var written = ModelProto.Parser.ParseFrom(File.ReadAllBytes(outPath));
        Assert.EndsWith("\u00C0\u003E\u002A", string.Concat(File.ReadAllBytes(outPath).Select(b => (char)b)));
        var ifNode = written.Graph.Node.Single(n => n.OpType == "If");
        Assert.Equal(nodeBytes, ifNode.ToByteArray());
        Assert.NotEqual(node.ToByteArray(), ifNode.ToByteArray());
    }

    [Fact]
    public void Write_InvalidOrder_ThrowsAndWritesNothing()
    {
        using var dir = new TempDir();
        var model = OnnxGraphReader.Read(PathOf("split"));
        string outPath = dir.File("bad.onnx");
        int[] reversed = Enumerable.Range(0, model.Graph.OpCount).Reverse().ToArray();

        Assert.Throws<InvalidScheduleException>(() => OnnxModelWriter.Write(model, reversed, outPath));
        Assert.Throws<InvalidScheduleException>(() => OnnxModelWriter.Write(model, [0, 1, 2], outPath));

        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Write_InvalidOrderOverExistingFile_LeavesItUntouched()
    {
        using var dir = new TempDir();
        var model = OnnxGraphReader.Read(PathOf("split"));
        string outPath = dir.File("keep.onnx");
        File.WriteAllText(outPath, "old");

        Assert.Throws<InvalidScheduleException>(() => OnnxModelWriter.Write(model, [2, 0, 1, 3, 4, 5, 6], outPath));

        Assert.Equal("old", File.ReadAllText(outPath));
    }

    [Fact]
    public void Write_TargetCannotBeReplaced_NoPartialOrTempFileLeft()
    {
        using var dir = new TempDir();
        var model = OnnxGraphReader.Read(PathOf("split"));
        string outPath = dir.File("occupied");
        Directory.CreateDirectory(outPath); // the final rename onto a directory fails

        Assert.ThrowsAny<IOException>(() => OnnxModelWriter.Write(model, LatestFirstOrder(model.Graph), outPath));

        Assert.Equal([outPath], Directory.EnumerateFileSystemEntries(dir.Path));
        Assert.Empty(Directory.EnumerateFileSystemEntries(outPath));
    }

    [Fact]
    public void Reorder_DoesNotChangeTheGivenModel()
    {
        var model = OnnxGraphReader.Read(PathOf("tiny_inception"));
        var before = model.Proto.ToByteArray();

        var reordered = OnnxModelWriter.Reorder(model, LatestFirstOrder(model.Graph));

        Assert.Equal(before, model.Proto.ToByteArray());
        Assert.NotEqual(before, reordered.ToByteArray());
    }
}
