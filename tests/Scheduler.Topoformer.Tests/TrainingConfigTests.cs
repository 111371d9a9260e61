using Scheduler.Topoformer.Training;

namespace Scheduler.Topoformer.Tests;

public sealed partial class TrainingConfigTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "topoformer-cfg-" + Guid.NewGuid().ToString("N"));

    public TrainingConfigTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, true);

    private string Write(string yaml)
    {
        string path = Path.Combine(_dir, "config.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    [Fact]
    public void Load_ValidFile_ReadsNestedSections()
    {
        var config = TrainingConfig.Load(Write(
            "seed: 5\nsteps: 7\nbaseline: rollout\ntrain_graphs:\n  nodes_min: 10\n  nodes_max: 20\n"
            + "model:\n  layers: 1\n  features: [output_bytes, depth]\n"));
        Assert.Equal(5, config.Seed);
        Assert.Equal("rollout", config.Baseline);
        Assert.Equal(20, config.TrainGraphs.NodesMax);
        Assert.Equal(1, config.Model.Layers);
        Assert.Equal(["output_bytes", "depth"], config.Model.Features);
    }

    [Fact]
    public void Load_UnknownKey_ErrorNamesFileKeyAndLine()
    {
        string path = Write("seed: 1\nstepz: 10\n");
        var e = Assert.Throws<TopoformerConfigException>(() => TrainingConfig.Load(path));
        Assert.Equal("stepz", e.Key);
        Assert.Equal(2, e.Line);
        Assert.Contains(path, e.Message);
        Assert.Contains("unknown key 'stepz'", e.Message);
    }

    [Fact]
    public void Load_UnknownNestedKey_ErrorNamesIt()
    {
        var e = Assert.Throws<TopoformerConfigException>(() => TrainingConfig.Load(Write("model:\n  layres: 2\n")));
        Assert.Equal("layres", e.Key);
    }

    [Fact]
    public void Load_BadValue_ErrorNamesKey()
    {
        var e = Assert.Throws<TopoformerConfigException>(() => TrainingConfig.Load(Write("baseline: median\n")));
        Assert.Equal("baseline", e.Key);
        Assert.Contains("median", e.Message);
    }

    [Fact]
    public void Load_NotANumber_ErrorNamesKey()
    {
        var e = Assert.Throws<TopoformerConfigException>(() => TrainingConfig.Load(Write("steps: many\n")));
        Assert.Equal("steps", e.Key);
    }

    [Fact]
    public void Load_UnknownFeature_ErrorNamesIt()
    {
        var e = Assert.Throws<TopoformerConfigException>(() => TrainingConfig.Load(Write("model:\n  features: [colour]\n")));
        Assert.Contains("colour", e.Message);
    }

    [Fact]
    public void Load_MissingFile_ClearError()
    {
        var e = Assert.Throws<TopoformerConfigException>(() => TrainingConfig.Load(Path.Combine(_dir, "nope.yaml")));
        Assert.Contains("not found", e.Message);
    }
}
