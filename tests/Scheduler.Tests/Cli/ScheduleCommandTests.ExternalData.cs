using Scheduler.Graphs.Formats.Onnx;
using Scheduler.Graphs.Formats.Onnx.Proto;
using Scheduler.Testing;

namespace Scheduler.Tests.Cli;

/// <summary><c>schedule model.onnx --out ...</c> on a model with external data (tests/Shared/ExternalDataModels.cs).</summary>
public partial class ScheduleCommandTests
{
    /// <summary>A temp folder holding src/model.onnx and its data files; deleted by the caller.</summary>
    private static (string Root, string Source) ExternalModel()
    {
        string root = Directory.CreateTempSubdirectory("sched-ext").FullName;
        return (root, ExternalDataModels.WriteTo(Path.Combine(root, "src")));
    }

    private static List<ExternalRef> ExternalsOf(string model)
        => ExternalDataModels.Externals(ModelProto.Parser.ParseFrom(File.ReadAllBytes(model)));

    [Fact]
    public void Schedule_OnnxExternalDataOutToOtherFolder_ExitTwoOneLineNothingWritten()
    {
        var (root, source) = ExternalModel();
        try
        {
            string output = Path.Combine(Directory.CreateDirectory(Path.Combine(root, "other", "dir")).FullName, "model.sched.onnx");
            var (code, stdout, stderr) = CliRunner.Run("schedule", source, "--out", output, "--method", "lpmf");
            Assert.Equal(2, code);
            Assert.Single(stderr.Trim().Split('\n'));
            Assert.Contains("initializer 'w1' has its data in external file 'weights.bin'", stderr);
            Assert.Contains("--copy-external-data", stderr);
            Assert.DoesNotContain("wrote", stdout);
            Assert.False(File.Exists(output));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Schedule_OnnxExternalDataWithCopy_WrittenModelResolvesFromItsFolder()
    {
        var (root, source) = ExternalModel();
        try
        {
            string output = Path.Combine(Directory.CreateDirectory(Path.Combine(root, "other", "dir")).FullName, "model.sched.onnx");
            var (code, stdout, stderr) = CliRunner.Run("schedule", source, "--out", output, "--method", "lpmf", "--copy-external-data");
            Assert.True(code == 0, stderr);
            Assert.Contains("wrote", stdout);
            string newDir = Path.GetDirectoryName(output)!, srcDir = Path.GetDirectoryName(source)!;
            var before = ExternalsOf(source).ToDictionary(r => r.Tensor);
            foreach (var r in ExternalsOf(output))
            {
                Assert.True(File.Exists(Path.Combine(newDir, r.Location)), r.Location);
                Assert.Equal(ExternalDataModels.BytesAt(srcDir, before[r.Tensor]), ExternalDataModels.BytesAt(newDir, r));
            }
            Assert.Equal(OnnxGraphReader.Read(source).Graph.ResidentBytes, OnnxGraphReader.Read(output).Graph.ResidentBytes);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Schedule_OnnxExternalDataOutBesideSource_LocationsUnchanged()
    {
        var (root, source) = ExternalModel();
        try
        {
            string output = Path.Combine(Path.GetDirectoryName(source)!, "model.sched.onnx");
            var (code, _, stderr) = CliRunner.Run("schedule", source, "--out", output, "--method", "lpmf");
            Assert.True(code == 0, stderr);
            Assert.Equal(ExternalsOf(source).OrderBy(r => r.Tensor, StringComparer.Ordinal), ExternalsOf(output).OrderBy(r => r.Tensor, StringComparer.Ordinal));
            Assert.Equal(OnnxGraphReader.Read(source).Graph.OpCount, OnnxGraphReader.Read(output).Graph.OpCount);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Schedule_OnnxExternalDataMissing_ExitTwoNamesModelTensorAndLocation()
    {
        var (root, source) = ExternalModel();
        try
        {
            File.Delete(Path.Combine(root, "src", ExternalDataModels.Weights));
            var (code, _, stderr) = CliRunner.Run("schedule", source, "--method", "lpmf");
            Assert.Equal(2, code);
            Assert.Single(stderr.Trim().Split('\n'));
            Assert.Contains($"{source}: initializer 'w1' has its data in external file 'weights.bin', which does not exist", stderr);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Schedule_CopyExternalDataWithoutOnnxOut_ExitTwo()
    {
        var (code, _, stderr) = CliRunner.Run("schedule", Path.Combine(TestData.RepoRoot, "tests", "golden", "golden-000-layered-20.json"), "--copy-external-data");
        Assert.Equal(2, code);
        Assert.Contains("--copy-external-data applies to an .onnx --out only", stderr);
    }
}
