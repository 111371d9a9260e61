using Scheduler.Graphs.Formats.Onnx;
using Scheduler.Graphs.Formats.Onnx.Proto;
using Scheduler.Testing;
using static Scheduler.Graphs.Tests.Formats.Onnx.OnnxTestModels;

namespace Scheduler.Graphs.Tests.Formats.Onnx;

/// <summary>
/// Writing a model with external data: the written model must load from its new folder. Python onnx (onnx.checker,
/// onnx.load) is not available here, so the oracle is the spec's rule, checked independently of the writer: each
/// location is relative, has no '..', names a file under the new folder, and the bytes at offset/length there are the
/// bytes the source named; and our reader (which applies the same checks) reads the written model back.
/// </summary>
public sealed partial class OnnxModelWriterTests
{
    /// <summary>Asserts that every external tensor of the written model names, from <paramref name="newDir"/>, the bytes it named in the source.</summary>
    private static void AssertResolvesToSameBytes(string sourcePath, string outPath)
    {
        string srcDir = Path.GetDirectoryName(sourcePath)!, newDir = Path.GetDirectoryName(outPath)!;
        // By tensor name: node order (and so the order of Constant values) changes with the schedule.
        var before = ExternalDataModels.Externals(ModelProto.Parser.ParseFrom(File.ReadAllBytes(sourcePath))).OrderBy(r => r.Tensor, StringComparer.Ordinal).ToList();
        var after = ExternalDataModels.Externals(ModelProto.Parser.ParseFrom(File.ReadAllBytes(outPath))).OrderBy(r => r.Tensor, StringComparer.Ordinal).ToList();
        Assert.Equal(before.Select(r => r.Tensor), after.Select(r => r.Tensor));
        Assert.Equal(4, after.Count); // w1, w2, c and the subgraph's t
        for (int i = 0; i < after.Count; i++)
        {
            var r = after[i];
            Assert.False(Path.IsPathRooted(r.Location), r.Location);
            Assert.DoesNotContain("..", r.Location.Split('/'));
            Assert.True(File.Exists(Path.Combine(newDir, r.Location)), $"{r.Tensor}: {r.Location} not found from {newDir}");
            Assert.Equal((before[i].Offset, before[i].Length), (r.Offset, r.Length));
            Assert.Equal(ExternalDataModels.BytesAt(srcDir, before[i]), ExternalDataModels.BytesAt(newDir, r));
        }
        var reread = OnnxGraphReader.Read(outPath).Graph;
        Assert.Equal(OnnxGraphReader.Read(sourcePath).Graph.ResidentBytes, reread.ResidentBytes);
    }

    private static string[] Locations(string modelPath)
        => ExternalDataModels.Externals(ModelProto.Parser.ParseFrom(File.ReadAllBytes(modelPath))).Select(r => r.Location).ToArray();

    [Fact]
    public void Write_ExternalDataSameFolder_LocationsUnchanged()
    {
        using var dir = new TempDir();
        string source = ExternalDataModels.WriteTo(dir.Path);
        var model = OnnxGraphReader.Read(source);
        string outPath = dir.File("model.sched.onnx");

        OnnxModelWriter.Write(model, LatestFirstOrder(model.Graph), outPath);

        Assert.Equal(WithoutNodes(model.Proto), WithoutNodes(ModelProto.Parser.ParseFrom(File.ReadAllBytes(outPath))));
        Assert.Equal(["sub/more.bin", "sub/more.bin", "weights.bin", "weights.bin"], Locations(outPath).Order(StringComparer.Ordinal));
        AssertResolvesToSameBytes(source, outPath);
    }

    [Fact]
    public void Write_ExternalDataIntoFolderAboveSource_LocationsPointIntoTheSourceFolder()
    {
        using var dir = new TempDir();
        string source = ExternalDataModels.WriteTo(dir.File("src"));
        string outPath = dir.File("model.sched.onnx");

        OnnxModelWriter.Write(OnnxGraphReader.Read(source), [0, 1, 2, 3, 4], outPath);

        Assert.Equal(["src/weights.bin", "src/weights.bin", "src/sub/more.bin", "src/sub/more.bin"], Locations(outPath));
        AssertResolvesToSameBytes(source, outPath);
        Assert.Equal(["weights.bin", "weights.bin", "sub/more.bin", "sub/more.bin"], Locations(source)); // source untouched
    }

    [Fact]
    public void Write_ExternalDataIntoUnrelatedFolder_FailsNamingTensorAndLocationWritesNothing()
    {
        using var dir = new TempDir();
        string source = ExternalDataModels.WriteTo(dir.File("src"));
        var model = OnnxGraphReader.Read(source);
        string outPath = dir.File(Path.Combine("other", "dir", "model.sched.onnx"));

        var ex = Assert.Throws<GraphFormatException>(() => OnnxModelWriter.Write(model, [0, 1, 2, 3, 4], outPath));

        Assert.StartsWith(outPath + ": cannot write the model into " + dir.File(Path.Combine("other", "dir")), ex.Message);
        Assert.Contains($"{source}: initializer 'w1' has its data in external file 'weights.bin'", ex.Message);
        Assert.Contains("--copy-external-data", ex.Message);
        Assert.False(Directory.Exists(dir.File("other")));
    }

    [Fact]
    public void Write_ExternalDataIntoUnrelatedFolderWithCopy_DataCopiedBesideTheModel()
    {
        using var dir = new TempDir();
        string source = ExternalDataModels.WriteTo(dir.File("src"));
        string outPath = dir.File(Path.Combine("other", "dir", "model.sched.onnx"));

        OnnxModelWriter.Write(source, [0, 1, 2, 3, 4], outPath, new OnnxWriteOptions { CopyExternalData = true });

        Assert.Equal(Locations(source), Locations(outPath));
        AssertResolvesToSameBytes(source, outPath);
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Write_ExternalDataIntoSubfolderWithCopy_MixesRewriteAndCopy()
    {
        // Out into src/sub: more.bin is inside it (location rewritten to "more.bin"), weights.bin is not (copied).
        using var dir = new TempDir();
        string source = ExternalDataModels.WriteTo(dir.File("src"));
        string outPath = dir.File(Path.Combine("src", "sub", "model.sched.onnx"));

        OnnxModelWriter.Write(source, [0, 1, 2, 3, 4], outPath, new OnnxWriteOptions { CopyExternalData = true });

        Assert.Equal(["weights.bin", "weights.bin", "more.bin", "more.bin"], Locations(outPath));
        AssertResolvesToSameBytes(source, outPath);
    }

    [Fact]
    public void Write_CopyWouldOverwriteDataTheModelUses_FailsWritesNothing()
    {
        // w1 lives in src/sub/weights.bin, w2 in src/weights.bin; out into src/sub would copy w2's file over w1's.
        using var dir = new TempDir();
        var proto = ExternalDataModels.Build();
        proto.Graph.Initializer[0] = ExternalDataModels.External("w1", "sub/weights.bin", 0, 24, 2, 3);
        string source = ExternalDataModels.WriteTo(dir.File("src"), proto);
        File.Copy(dir.File(Path.Combine("src", "weights.bin")), dir.File(Path.Combine("src", "sub", "weights.bin")));
        string outPath = dir.File(Path.Combine("src", "sub", "model.sched.onnx"));
        byte[] before = File.ReadAllBytes(dir.File(Path.Combine("src", "sub", "weights.bin")));

        var ex = Assert.Throws<GraphFormatException>(
            () => OnnxModelWriter.Write(source, [0, 1, 2, 3, 4], outPath, new OnnxWriteOptions { CopyExternalData = true }));

        Assert.Contains("would overwrite a file the model uses", ex.Message);
        Assert.False(File.Exists(outPath));
        Assert.Equal(before, File.ReadAllBytes(dir.File(Path.Combine("src", "sub", "weights.bin"))));
    }

    [Fact]
    public void Write_DataFileDeletedAfterRead_FailsWritesNothing()
    {
        using var dir = new TempDir();
        string source = ExternalDataModels.WriteTo(dir.Path);
        var model = OnnxGraphReader.Read(source);
        File.Delete(dir.File(ExternalDataModels.Weights));
        string outPath = dir.File("model.sched.onnx");

        var ex = Assert.Throws<GraphFormatException>(() => OnnxModelWriter.Write(model, [0, 1, 2, 3, 4], outPath));

        Assert.Contains("initializer 'w1' has its data in external file 'weights.bin', which does not exist", ex.Message);
        Assert.False(File.Exists(outPath));
    }

    [Fact]
    public void Write_OutputNamedLikeADataFile_Fails()
    {
        using var dir = new TempDir();
        var proto = ExternalDataModels.Build();
        proto.Graph.Initializer[0] = ExternalDataModels.External("w1", "w.onnx", 0, 24, 2, 3);
        string source = ExternalDataModels.WriteTo(dir.Path, proto);
        File.Copy(dir.File(ExternalDataModels.Weights), dir.File("w.onnx"));

        var ex = Assert.Throws<GraphFormatException>(() => OnnxModelWriter.Write(source, [0, 1, 2, 3, 4], dir.File("w.onnx")));

        Assert.Contains("would overwrite a data file it uses", ex.Message);
        Assert.Equal(File.ReadAllBytes(dir.File(ExternalDataModels.Weights)), File.ReadAllBytes(dir.File("w.onnx")));
    }

    [Fact]
    public void Write_FromProtoWithExternalData_FailsBecauseTheFolderIsUnknown()
    {
        using var dir = new TempDir();
        var model = OnnxGraphReader.FromProto(ExternalDataModels.Build(), source: "mem.onnx");
        string outPath = dir.File("out.onnx");

        var ex = Assert.Throws<GraphFormatException>(() => OnnxModelWriter.Write(model, [0, 1, 2, 3, 4], outPath));

        Assert.Contains("mem.onnx: initializer 'w1' has its data in external file 'weights.bin', but the model was not read from a file", ex.Message);
        Assert.False(File.Exists(outPath));
    }
}
