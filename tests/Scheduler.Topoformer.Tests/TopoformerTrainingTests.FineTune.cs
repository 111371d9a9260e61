using Scheduler.Topoformer.Model;
using Scheduler.Topoformer.Training;
using TorchSharp;

namespace Scheduler.Topoformer.Tests;

/// <summary><c>init_from</c>: a run that starts from a checkpoint's weights instead of a random initialisation.</summary>
public sealed partial class TopoformerTrainingTests
{
    private string TrainedCheckpoint()
    {
        string folder = _dir + "-init";
        TopoformerTraining.Run(Tiny(2), folder, resume: false);
        return folder;
    }

    private static float MaxParameterDifference(TopoformerNetwork a, TopoformerNetwork b)
    {
        float max = 0;
        foreach (var (p, q) in a.parameters().Zip(b.parameters()))
        {
            using var difference = (p - q).abs().max();
            max = Math.Max(max, difference.item<float>());
        }
        return max;
    }

    [Fact]
    public void Run_InitFrom_StartsFromTheCheckpointsWeights()
    {
        string init = TrainedCheckpoint();
        try
        {
            // Adam moves each weight by about the learning rate a step, so at 1e-9 the run ends where it started.
            var config = Tiny(2) with { Seed = 5, ImitationSteps = 0, LearningRate = 1e-9, InitFrom = init };
            TopoformerTraining.Run(config, _dir, resume: false);
            using var start = TopoformerCheckpoint.Load(init);
            using var tuned = TopoformerCheckpoint.Load(_dir);
            Assert.True(MaxParameterDifference(start, tuned) < 1e-6f);

            string scratchDir = _dir + "-scratch";
            TopoformerTraining.Run(config with { InitFrom = null }, scratchDir, resume: false);
            using var scratch = TopoformerCheckpoint.Load(scratchDir);
            Assert.True(MaxParameterDifference(start, scratch) > 1e-3f); // the same run from scratch: other weights
            Directory.Delete(scratchDir, true);
        }
        finally
        {
            Directory.Delete(init, true);
        }
    }

    [Fact]
    public void Run_InitFrom_LoadedWeightsAreValidatedAtStepZero()
    {
        string init = TrainedCheckpoint();
        try
        {
            // Weights that do not move validate as the loaded ones did, so the step-0 candidate stays the best.
            var config = Tiny(2) with { ImitationSteps = 0, LearningRate = 1e-9, InitFrom = init };
            TopoformerTraining.Run(config, _dir, resume: false);
            var card = TopoformerCheckpoint.ReadCard(_dir);
            Assert.Equal("0", card.Provenance["step"]);
            Assert.Equal(init, card.Provenance["init_from"]);
            string firstRow = File.ReadAllLines(Path.Combine(_dir, "metrics.csv"))[1];
            Assert.Equal(card.Provenance["validation_greedy_peak_over_lower_bound"], firstRow.Split(',')[8]);
        }
        finally
        {
            Directory.Delete(init, true);
        }
    }

    [Fact]
    public void Run_ResumeAfterInitFromRemoved_ContinuesFromTheSavedState()
    {
        string init = TrainedCheckpoint();
        var config = Tiny(2) with { ImitationSteps = 0, InitFrom = init };
        TopoformerTraining.Run(config, _dir, resume: false);
        Directory.Delete(init, true); // a resume reads its own state, never init_from again
        var last = TopoformerTraining.Run(config with { Steps = 4 }, _dir, resume: true);
        Assert.Equal(4, last!.Step);
    }

    [Fact]
    public void Run_InitFromOtherModel_RefusedNamingTheOption()
    {
        string init = TrainedCheckpoint(); // layers: 1
        try
        {
            var config = Tiny(2) with { InitFrom = init, Model = Toy.Options with { Layers = 2 } };
            var e = Assert.Throws<TopoformerConfigException>(() => TopoformerTraining.Run(config, _dir, resume: false));
            Assert.Equal("init_from", e.Key);
            Assert.Contains("layers = 1", e.Message);
            Assert.Contains("the config's model has 2", e.Message);
        }
        finally
        {
            Directory.Delete(init, true);
        }
    }

    [Fact]
    public void Run_InitFromMissingFolder_RefusedNamingThePath()
    {
        string missing = _dir + "-no-such-checkpoint";
        var e = Assert.Throws<TopoformerConfigException>(() => TopoformerTraining.Run(Tiny(2) with { InitFrom = missing }, _dir, resume: false));
        Assert.Contains(missing, e.Message);
    }

    [Fact]
    public void Load_InitFromEmpty_ErrorNamesKey()
    {
        var e = Assert.Throws<TopoformerConfigException>(() => TrainingConfig.Parse("init_from: ' '\n"));
        Assert.Equal("init_from", e.Key);
    }
}
