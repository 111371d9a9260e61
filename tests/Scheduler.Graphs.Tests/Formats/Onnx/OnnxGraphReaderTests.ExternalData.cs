using Google.Protobuf;
using Scheduler.Graphs.Formats.Onnx;
using Scheduler.Graphs.Formats.Onnx.Proto;
using Scheduler.Testing;
using static Scheduler.Graphs.Tests.Formats.Onnx.OnnxTestModels;

namespace Scheduler.Graphs.Tests.Formats.Onnx;

/// <summary>External data (onnx/docs/ExternalData.md): sizes from dims, locations checked, data never read.</summary>
public sealed partial class OnnxGraphReaderTests
{
    /// <summary>Writes the external-data model with initializer w1's external_data replaced by <paramref name="w1"/>.</summary>
    private static string WriteWithW1(TempDir dir, TensorProto w1)
    {
        var proto = ExternalDataModels.Build();
        proto.Graph.Initializer[0] = w1;
        return ExternalDataModels.WriteTo(dir.File("model"), proto);
    }

    [Fact]
    public void Read_ExternalData_SizedFromDimsAndTypeNotFromPayload()
    {
        using var dir = new TempDir();
        string path = ExternalDataModels.WriteTo(dir.Path);

        var model = OnnxGraphReader.Read(path);
        var g = model.Graph;

        Assert.Equal(24, g.TensorSize(Tensor(g, "w1")));
        Assert.Equal(24, g.TensorSize(Tensor(g, "w2")));
        Assert.Equal(24, g.TensorSize(Tensor(g, "c"))); // the Constant's external value, no value_info
        Assert.Equal(24 + 24 + 24 + 1, g.ResidentBytes); // w1, w2, x and the bool cond
        Assert.Equal(dir.Path, model.BaseDirectory);
        Assert.All(model.Proto.Graph.Initializer, t => Assert.True(t.RawData.IsEmpty, t.Name));
    }

    [Fact]
    public void Read_LocationWithInnerDotDot_StaysInsideAndReads()
    {
        using var dir = new TempDir();
        string path = WriteWithW1(dir, ExternalDataModels.External("w1", "sub/../weights.bin", 0, 24, 2, 3));

        Assert.Equal(24, OnnxGraphReader.Read(path).Graph.TensorSize(0));
    }

    public static IEnumerable<object[]> BrokenLocations()
    {
        yield return ["missing.bin", null!, null!, "does not exist"];
        yield return ["sub", null!, null!, "is a folder"];
        yield return ["../outside.bin", null!, null!, "outside the model's folder"];
        yield return ["sub/../../outside.bin", null!, null!, "outside the model's folder"];
        yield return ["weights.bin", 57L, null!, "past its end"];
        yield return ["weights.bin", 40L, 24L, "offset 40 + length 24 runs past its end"];
        yield return ["weights.bin", null!, 57L, "offset 0 + length 57 runs past its end"];
    }

    [Theory]
    [MemberData(nameof(BrokenLocations))]
    public void Read_ExternalLocationBroken_ErrorNamesFileTensorAndLocation(string location, long? offset, long? length, string problem)
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.File("outside.bin"), new byte[64]); // exists, but outside the model's folder
        string path = WriteWithW1(dir, ExternalDataModels.External("w1", location, offset, length, 2, 3));

        var ex = Assert.Throws<GraphFormatException>(() => OnnxGraphReader.Read(path));

        Assert.StartsWith(path + ": initializer 'w1' has its data in external file '" + location + "'", ex.Message);
        Assert.Contains(problem, ex.Message);
        Assert.DoesNotContain("\n", ex.Message);
    }

    [Fact]
    public void Read_ExternalLocationAbsolute_ErrorEvenWhenTheFileExists()
    {
        using var dir = new TempDir();
        string absolute = Path.Combine(dir.Path, "model", ExternalDataModels.Weights);
        string path = WriteWithW1(dir, ExternalDataModels.External("w1", absolute, 0, 24, 2, 3));
        Assert.True(File.Exists(absolute));

        var ex = Assert.Throws<GraphFormatException>(() => OnnxGraphReader.Read(path));

        Assert.StartsWith(path + ": initializer 'w1' has its data in external file '" + absolute + "'", ex.Message);
        Assert.Contains("is an absolute path", ex.Message);
    }

    [Theory]
    [InlineData("offset", "-8")]
    [InlineData("length", "twelve")]
    public void Read_ExternalOffsetOrLengthNotANumber_ErrorNamesTensorAndValue(string key, string value)
    {
        using var dir = new TempDir();
        var w1 = ExternalDataModels.External("w1", ExternalDataModels.Weights, null, null, 2, 3);
        w1.ExternalData.Add(new StringStringEntryProto { Key = key, Value = value });
        string path = WriteWithW1(dir, w1);

        var ex = Assert.Throws<GraphFormatException>(() => OnnxGraphReader.Read(path));

        Assert.StartsWith(path, ex.Message);
        Assert.Contains($"initializer 'w1' has external_data {key} '{value}'", ex.Message);
    }

    [Fact]
    public void Read_ExternalWithoutLocation_Error()
    {
        using var dir = new TempDir();
        var w1 = ExternalDataModels.External("w1", ExternalDataModels.Weights, 0, 24, 2, 3);
        w1.ExternalData.RemoveAt(0);
        string path = WriteWithW1(dir, w1);

        var ex = Assert.Throws<GraphFormatException>(() => OnnxGraphReader.Read(path));

        Assert.Contains("initializer 'w1' is stored externally (data_location EXTERNAL) but its external_data has no 'location'", ex.Message);
    }

    [Fact]
    public void Read_SubgraphAndConstantDataMissing_ErrorSaysWhereTheTensorIs()
    {
        using var dir = new TempDir();
        string path = ExternalDataModels.WriteTo(dir.Path);
        File.Delete(dir.File(ExternalDataModels.More));

        var ex = Assert.Throws<GraphFormatException>(() => OnnxGraphReader.Read(path));

        // c (the Constant's value) comes first in file order; t (in the If's then_branch) is checked the same way.
        Assert.Contains("tensor 'c' of attribute 'value' of node 2 'const' (Constant) has its data in external file 'sub/more.bin'", ex.Message);
        var proto = ExternalDataModels.Build();
        proto.Graph.Node[2].Attribute[0].T = new TensorProto { Name = "c", DataType = 1, Dims = { 2, 3 }, RawData = ByteString.CopyFrom(new byte[24]) };
        ExternalDataModels.WriteTo(dir.Path, proto);
        File.Delete(dir.File(ExternalDataModels.More));
        ex = Assert.Throws<GraphFormatException>(() => OnnxGraphReader.Read(path));
        Assert.Contains("initializer 't' in subgraph 'then_branch' of node 4 'if' (If) has its data in external file 'sub/more.bin'", ex.Message);
    }

    [Fact]
    public void FromProto_ExternalData_NotCheckedAndNoBaseDirectory()
    {
        var model = OnnxGraphReader.FromProto(ExternalDataModels.Build(), source: "mem.onnx");

        Assert.Null(model.BaseDirectory);
        Assert.Equal(24, model.Graph.TensorSize(Tensor(model.Graph, "w1")));
    }

    [SparseFileFact]
    public void Read_ExternalTensorOf3GiB_SizedWithoutReadingTheData()
    {
        using var dir = new TempDir();
        const long bytes = 3L << 30; // over protobuf's 2 GiB message limit, which is why external data exists
        using (var data = File.Create(dir.File("big.bin")))
        {
            data.SetLength(bytes); // sparse: costs no disk
        }
        var proto = Chain([Node("add", "Add", ["x", "w"], ["y"])], []);
        proto.Graph.Input[0] = Value("x", 1, bytes / 4);
        proto.Graph.Output[0] = Value("y", 1, bytes / 4);
        proto.Graph.Initializer.Add(ExternalDataModels.External("w", "big.bin", 0, bytes, bytes / 4));
        string path = dir.File("big.onnx");
        File.WriteAllBytes(path, proto.ToByteArray());
        long allocated = GC.GetAllocatedBytesForCurrentThread();

        var g = OnnxGraphReader.Read(path).Graph;

        Assert.Equal(bytes, g.TensorSize(Tensor(g, "w")));
        long used = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Assert.True(used < 16 << 20, $"reading allocated {used} bytes: the external data must not be read");
    }

    [SparseFileFact]
    public void Read_ModelFileOver2GiB_ErrorSaysToUseExternalData()
    {
        using var dir = new TempDir();
        string path = dir.File("huge.onnx");
        using (var file = File.Create(path))
        {
            file.SetLength((long)int.MaxValue + 1);
        }

        var ex = Assert.Throws<GraphFormatException>(() => OnnxGraphReader.Read(path));

        Assert.StartsWith(path, ex.Message);
        Assert.Contains("2 GiB", ex.Message);
        Assert.Contains("external data", ex.Message);
    }
}
