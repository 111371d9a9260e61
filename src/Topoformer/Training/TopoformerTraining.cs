using System.Diagnostics;
using System.Globalization;
using Scheduler.Graphs;
using Scheduler.Graphs.Formats;
using Scheduler.Topoformer.Model;
using TorchSharp;

namespace Scheduler.Topoformer.Training;

/// <summary>
/// The training entry point behind <c>scheduler train --config FILE.yaml [--resume] [--out DIR]</c>. Writes into the
/// output folder: <c>model.bin</c> + <c>model.yaml</c> (the best weights by validation, the shippable checkpoint),
/// <c>config.yaml</c> (the config used), <c>metrics.csv</c> (a row per step) and <c>state/</c> (latest weights,
/// optimiser and progress, for <c>--resume</c>). Every file is written atomically.
/// </summary>
public static class TopoformerTraining
{
    private const string StateFolder = "state";

    /// <summary>Trains until the configured steps or time limit, or until cancelled (then checkpoints and returns).</summary>
    /// <param name="config">The run's configuration.</param>
    /// <param name="outDir">Output folder (created if needed).</param>
    /// <param name="resume">Continue from <c>outDir/state</c> instead of starting afresh.</param>
    /// <param name="progress">Receives a report after every step.</param>
    /// <param name="cancellationToken">Stops the run cleanly after the current step.</param>
    /// <param name="teacher">Imitation teacher overriding the config's <c>imitation_teacher</c> (any scheduler, e.g. a
    /// baseline from Scheduler.Baselines); null = the named one.</param>
    /// <returns>The last step's report, or null when no step ran.</returns>
    /// <exception cref="TopoformerConfigException">Resuming from a checkpoint that does not match the config, or nothing to resume.</exception>
    public static TrainingProgress? Run(TrainingConfig config, string outDir, bool resume,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default, IScheduler? teacher = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(outDir);
        config.Validate("config");
        Directory.CreateDirectory(outDir);
        string stateDir = Path.Combine(outDir, StateFolder);
        var state = resume ? ReadState(config, stateDir) : new TrainingState();
        torch.manual_seed(config.Seed);
        var device = TorchDevice.Default;
        using var network = new TopoformerNetwork(config.Model);
        if (resume)
        {
            TopoformerCheckpoint.LoadWeights(network, Path.Combine(stateDir, TopoformerCheckpoint.WeightsFile));
        }
        network.to(device);
        using var trainer = new Trainer(config, network, device);
        if (resume)
        {
            LoadOptionalState(trainer, stateDir);
        }
        WriteConfigCopy(config, outDir);
        Func<ComputationGraph, int[]> teacherOf = teacher is null
            ? TrainingGraph.TeacherFunction(config.ImitationTeacher)
            : g => teacher.Order(g, cancellationToken);
        var validation = ValidationSet(config, teacherOf);
        var log = new MetricsLog(Path.Combine(outDir, "metrics.csv"), state.Step);
        var clock = Stopwatch.StartNew();
        double startSeconds = state.ElapsedSeconds;
        TrainingProgress? last = null;
        for (int step = state.Step + 1; step <= config.Steps; step++)
        {
            double elapsed = startSeconds + clock.Elapsed.TotalSeconds;
            if (cancellationToken.IsCancellationRequested || (config.TimeLimitMinutes > 0 && elapsed >= config.TimeLimitMinutes * 60))
            {
                break;
            }
            var random = new Random(StepSeed(config.Seed, step));
            var batch = new List<TrainingGraph>(config.GraphsPerStep);
            for (int i = 0; i < config.GraphsPerStep; i++)
            {
                var graph = config.TrainGraphs.Generate(random, random.Next());
                batch.Add(new TrainingGraph(graph, config.Model, teacherOf));
            }
            bool imitation = step <= config.ImitationSteps;
            var metrics = imitation ? trainer.ImitationStep(batch) : trainer.ReinforceStep(batch, random);
            double? validationCost = null;
            if (step % config.ValidateEvery == 0 || step == config.Steps)
            {
                validationCost = Trainer.Validate(network, validation);
                state = AfterValidation(config, trainer, state, validationCost.Value, outDir, step);
            }
            state = state with { Step = step, ElapsedSeconds = startSeconds + clock.Elapsed.TotalSeconds };
            last = new TrainingProgress(step, config.Steps, imitation ? "imitation" : "reinforce", metrics, validationCost,
                state.BestValidation, TimeSpan.FromSeconds(state.ElapsedSeconds));
            log.Append(last);
            if (validationCost is not null)
            {
                SaveState(trainer, stateDir, state);
            }
            progress?.Report(last);
        }
        if (last is not null && last.ValidationCost is null)
        {
            SaveState(trainer, stateDir, state); // stopped between validations: keep the latest step resumable
        }
        return last;
    }

    private static TrainingState AfterValidation(TrainingConfig config, Trainer trainer, TrainingState state, double cost, string outDir, int step)
    {
        if (cost < state.BestValidation)
        {
            state = state with { BestValidation = cost };
            TopoformerCheckpoint.Save(trainer.Network, outDir, Provenance(config, step, cost, state));
        }
        if (trainer.Frozen is not null && cost < state.FrozenValidation)
        {
            trainer.RefreshFrozen(); // paper: the rollout baseline is replaced when the policy beats it on validation
            state = state with { FrozenValidation = cost };
        }
        return state;
    }

    private static Dictionary<string, string> Provenance(TrainingConfig config, int step, double cost, TrainingState state)
    {
        var inv = CultureInfo.InvariantCulture;
        return new Dictionary<string, string>
        {
            ["trained_by"] = "scheduler train (Scheduler.Topoformer.Training.TopoformerTraining)",
            ["config"] = "config.yaml",
            ["step"] = step.ToString(inv),
            ["seed"] = config.Seed.ToString(inv),
            ["baseline"] = config.Baseline,
            ["imitation_steps"] = config.ImitationSteps.ToString(inv),
            ["imitation_teacher"] = config.ImitationTeacher,
            ["validation_greedy_peak_over_lower_bound"] = cost.ToString("G6", inv),
            ["training_seconds"] = state.ElapsedSeconds.ToString("F0", inv),
            ["torch_device"] = TorchDevice.Default.type.ToString(),
            ["saved_utc"] = DateTime.UtcNow.ToString("u", inv),
        };
    }

    private static List<TrainingGraph> ValidationSet(TrainingConfig config, Func<ComputationGraph, int[]> teacher)
    {
        var random = new Random(config.Validation.Seed);
        var set = new List<TrainingGraph>(config.Validation.Count);
        for (int i = 0; i < config.Validation.Count; i++)
        {
            set.Add(new TrainingGraph(config.Validation.Generate(random, config.Validation.Seed + i), config.Model, teacher));
        }
        return set;
    }

    private static int StepSeed(int seed, int step) => (int)(((long)seed * 1_000_003L + step) % int.MaxValue);

    private static TrainingState ReadState(TrainingConfig config, string stateDir)
    {
        string statePath = Path.Combine(stateDir, "state.yaml");
        if (!File.Exists(statePath))
        {
            throw new TopoformerConfigException(statePath, $"{statePath}: nothing to resume (no saved training state).");
        }
        var card = TopoformerCheckpoint.ReadCard(stateDir);
        var diff = card.Options.Differences(config.Model);
        if (diff.Count > 0)
        {
            string cardPath = Path.Combine(stateDir, TopoformerCheckpoint.CardFile);
            throw new TopoformerConfigException(cardPath,
                $"{cardPath}: the checkpoint does not match the config's model section: {string.Join("; ", diff)} (checkpoint vs config).",
                "model");
        }
        var state = YamlFile.Read<TrainingState>(statePath);
        foreach (var (key, message) in state.Problems())
        {
            throw new TopoformerConfigException(statePath, $"{statePath}: bad value for '{key}': {message}.", key);
        }
        return state;
    }

    private static void LoadOptionalState(Trainer trainer, string stateDir)
    {
        string optimizer = Path.Combine(stateDir, "optimizer.bin");
        if (File.Exists(optimizer))
        {
            try
            {
                trainer.Optimizer.load_state_dict(optimizer);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // TorchSharp reports a damaged file with whatever its reader hits first (end of stream, a bad size, a
                // native error); any of them means this file cannot be used.
                throw new TopoformerConfigException(optimizer, $"{optimizer}: cannot load the optimiser state ({e.Message}); delete it to resume without it.", inner: e);
            }
        }
        string frozen = Path.Combine(stateDir, "frozen.bin");
        if (trainer.Frozen is not null && File.Exists(frozen))
        {
            TopoformerCheckpoint.LoadWeights(trainer.Frozen, frozen);
        }
    }

    private static void SaveState(Trainer trainer, string stateDir, TrainingState state)
    {
        TopoformerCheckpoint.Save(trainer.Network, stateDir);
        AtomicFile.Write(Path.Combine(stateDir, "optimizer.bin"), tmp => trainer.Optimizer.save_state_dict(tmp));
        if (trainer.Frozen is not null)
        {
            TopoformerCheckpoint.SaveWeights(trainer.Frozen, Path.Combine(stateDir, "frozen.bin"));
        }
        AtomicFile.WriteAllText(Path.Combine(stateDir, "state.yaml"), YamlFile.Serialize(state)); // last: commits the set
    }

    /// <summary>Records the config used; an equivalent file already there (e.g. the --config file itself) is kept
    /// as written, comments included.</summary>
    private static void WriteConfigCopy(TrainingConfig config, string outDir)
    {
        string path = Path.Combine(outDir, "config.yaml");
        string text = YamlFile.Serialize(config);
        if (File.Exists(path))
        {
            try
            {
                if (YamlFile.Serialize(TrainingConfig.Load(path)) == text)
                {
                    return;
                }
            }
            catch (TopoformerConfigException)
            {
                // an unusable old file is simply replaced
            }
        }
        AtomicFile.WriteAllText(path, text);
    }
}
