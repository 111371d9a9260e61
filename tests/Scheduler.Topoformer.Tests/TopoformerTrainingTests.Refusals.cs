using Scheduler.Topoformer.Training;

namespace Scheduler.Topoformer.Tests;

/// <summary>A resume refuses a missing, damaged or mismatched state with one message naming the file, and changes
/// nothing before it does.</summary>
public sealed partial class TopoformerTrainingTests
{
    /// <summary>Trains 2 steps (committed at step 2) and returns the committed state folder.</summary>
    private string TrainTwoSteps(TrainingConfig? config = null)
    {
        TopoformerTraining.Run(config ?? Tiny(2), _dir, resume: false);
        string state = Path.Combine(_dir, "state");
        return Path.Combine(state, File.ReadAllText(Path.Combine(state, "current")).Trim());
    }

    private TopoformerConfigException ResumeRefused(TrainingConfig? config = null)
        => Assert.Throws<TopoformerConfigException>(() => TopoformerTraining.Run(config ?? Tiny(4), _dir, resume: true));

    [Theory]
    [InlineData("optimizer.bin")]
    [InlineData("rng.bin")]
    [InlineData("state.yaml")]
    [InlineData("model.bin")]
    [InlineData("config.yaml")]
    public void Run_ResumeWithStateFileDeleted_RefusedNamingIt(string file)
    {
        string folder = TrainTwoSteps();
        File.Delete(Path.Combine(folder, file));
        var e = ResumeRefused();
        Assert.Equal(Path.Combine(folder, file), e.FilePath);
        Assert.Contains($"{Path.Combine(folder, file)}: missing from the committed training state", e.Message);
    }

    [Fact]
    public void Run_ResumeRolloutWithoutFrozenCopy_RefusedNamingIt()
    {
        var config = Tiny(2) with { Baseline = "rollout" };
        string folder = TrainTwoSteps(config);
        File.Delete(Path.Combine(folder, "frozen.bin"));
        Assert.Contains("frozen.bin: missing", ResumeRefused(config with { Steps = 4 }).Message);
    }

    [Theory]
    [InlineData("step: -5", "bad value for 'step': must be an integer from 0 to 2147483647, got -5")]
    [InlineData("step: 3", "step 3, but it lies in the folder of step 2")]
    [InlineData("step: two", "bad value for 'step'")]
    public void Run_ResumeWithEditedStep_RefusedNamingStateFile(string line, string expected)
    {
        string folder = TrainTwoSteps();
        string path = Path.Combine(folder, "state.yaml");
        File.WriteAllLines(path, File.ReadAllLines(path).Select(l => l.StartsWith("step:", StringComparison.Ordinal) ? line : l));
        var e = ResumeRefused();
        Assert.Equal(path, e.FilePath);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Run_ResumeBeyondConfiguredSteps_Refused()
    {
        TrainTwoSteps();
        Assert.Contains("step 2 is beyond the config's steps (1)", ResumeRefused(Tiny(1)).Message);
    }

    [Fact]
    public void Run_ResumeWithChangedLearningRate_RefusedNamingKey()
    {
        string folder = TrainTwoSteps();
        var e = ResumeRefused(Tiny(4) with { LearningRate = 0.5 });
        Assert.Equal(Path.Combine(folder, "config.yaml"), e.FilePath);
        Assert.Contains("another config: learning_rate (0.0003 vs 0.5)", e.Message);
    }

    [Theory]
    [InlineData("garbage/../..", "expected the name of a state folder")]
    [InlineData("step-000000009.0123abcd", "names the state folder step-000000009.0123abcd, which does not exist")]
    public void Run_ResumeWithBadPointer_RefusedNamingIt(string pointer, string expected)
    {
        TrainTwoSteps();
        string path = Path.Combine(_dir, "state", "current");
        File.WriteAllText(path, pointer);
        var e = ResumeRefused();
        Assert.Equal(path, e.FilePath);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Run_ResumeWithDamagedRandomState_RefusedNamingIt()
    {
        string folder = TrainTwoSteps();
        File.WriteAllBytes(Path.Combine(folder, "rng.bin"), [1, 2, 3]);
        Assert.Contains("rng.bin: 3 bytes, but a random generator state of this build has", ResumeRefused().Message);
    }

    [Theory]
    [InlineData(1, "line 3 should be the row of step 2")]
    [InlineData(0, "line 2 should be the row of step 1")]
    [InlineData(-1, "missing or empty, but the committed training state covers 2 steps")]
    public void Run_ResumeWithMetricsCut_RefusedNamingMetrics(int keepRows, string expected)
    {
        TrainTwoSteps();
        string path = Path.Combine(_dir, "metrics.csv");
        if (keepRows < 0)
        {
            File.Delete(path);
        }
        else
        {
            File.WriteAllLines(path, File.ReadAllLines(path).Take(1 + keepRows));
        }
        var e = ResumeRefused();
        Assert.Equal(path, e.FilePath);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Run_ResumeOldLayout_RefusedAsNotExact()
    {
        string state = Directory.CreateDirectory(Path.Combine(_dir, "state")).FullName;
        File.WriteAllText(Path.Combine(state, "state.yaml"), "step: 2\n");
        Assert.Contains("layout of an older build", ResumeRefused().Message);
    }

    [Fact]
    public void Run_FolderHeldByAnotherRun_Refused()
    {
        Directory.CreateDirectory(_dir);
        using var held = new FileStream(Path.Combine(_dir, ".train.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        var e = Assert.Throws<TopoformerConfigException>(() => TopoformerTraining.Run(Tiny(2), _dir, resume: false));
        Assert.Contains("another training run is writing to this folder", e.Message);
    }

    [Fact]
    public void Run_FreshOverOldRun_OldStateAndRowsGone()
    {
        TrainTwoSteps(Tiny(4));
        string state = Path.Combine(_dir, "state");
        Directory.CreateDirectory(Path.Combine(state, "step-000000003.0123abcd")); // a killed commit's folder
        TopoformerTraining.Run(Tiny(2), _dir, resume: false);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(_dir, "metrics.csv")).Length);
        Assert.Equal(["current", File.ReadAllText(Path.Combine(state, "current")).Trim()],
            Directory.GetFileSystemEntries(state).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
