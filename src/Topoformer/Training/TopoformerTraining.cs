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
/// <c>config.yaml</c> (the config used), <c>metrics.csv</c> (a row per step) and <c>state/</c> (the committed state
/// for <c>--resume</c>, see <see cref="TrainingStateStore"/>). A run is crash-safe: killed at any moment, it resumes to
/// the same weights and metrics as an uninterrupted run, because everything after the last commit is recomputed
/// from it (the shipped checkpoint is written before the commit that records it, so a resume rewrites it too).
/// </summary>
public static class TopoformerTraining
{
    private const string StateFolder = "state", MetricsFile = "metrics.csv", ConfigFile = "config.yaml", LockFile = ".train.lock";

    /// <summary>Trains until the configured steps or time limit, or until cancelled (then checkpoints and returns).</summary>
    /// <param name="config">The run's configuration.</param>
    /// <param name="outDir">Output folder (created if needed).</param>
    /// <param name="resume">Continue from the state committed in <c>outDir/state</c> instead of starting afresh.</param>
    /// <param name="progress">Receives a report after every step.</param>
    /// <param name="cancellationToken">Stops the run cleanly after the current step.</param>
    /// <param name="teacher">Imitation teacher overriding the config's <c>imitation_teacher</c> (any scheduler, e.g. a
    /// baseline from Scheduler.Baselines); null = the named one.</param>
    /// <returns>The last step's report, or null when no step ran.</returns>
    /// <exception cref="TopoformerConfigException">Another run holds the folder; or resuming with nothing committed, an
    /// incomplete or damaged state, or one that does not fit the config (the message names the file).</exception>
    public static TrainingProgress? Run(TrainingConfig config, string outDir, bool resume,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default, IScheduler? teacher = null)
        => Run(config, outDir, resume, progress, cancellationToken, teacher, reached: null);

    /// <summary><see cref="Run(TrainingConfig, string, bool, IProgress{TrainingProgress}?, CancellationToken, IScheduler?)"/>
    /// with a hook called at every <see cref="TrainingPhase"/> (tests throw from it to stop the run there, as a kill would).</summary>
    internal static TrainingProgress? Run(TrainingConfig config, string outDir, bool resume,
        IProgress<TrainingProgress>? progress, CancellationToken cancellationToken, IScheduler? teacher, Action<TrainingPhase>? reached)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(outDir);
        config.Validate("config");
        var store = new TrainingStateStore(Path.Combine(outDir, StateFolder), reached);
        if (resume && !Directory.Exists(outDir))
        {
            store.ReadCommitted(config); // throws "nothing to resume" before anything (the lock file) is created
        }
        Directory.CreateDirectory(outDir);
        using var folderLock = LockFolder(outDir);
        var committed = resume ? store.ReadCommitted(config) : null;
        torch.manual_seed(config.Seed);
        var device = TorchDevice.Default;
        using var network = new TopoformerNetwork(config.Model);
        if (committed is null && config.InitFrom is not null)
        {
            LoadInitialWeights(network, config);
        }
        network.to(device);
        using var trainer = new Trainer(config, network, device);
        TrainingState state;
        if (committed is null)
        {
            state = new TrainingState();
            store.Commit(trainer, config, state); // step 0 first: from here on a kill leaves something to resume
        }
        else
        {
            state = TrainingStateStore.Restore(committed, trainer);
            store.RemoveUncommitted(committed);
        }
        foreach (string file in new[] { TopoformerCheckpoint.WeightsFile, TopoformerCheckpoint.CardFile, MetricsFile, ConfigFile })
        {
            AtomicFile.RemoveTemps(Path.Combine(outDir, file)); // a killed run's; the lock says no write is in flight
        }
        var log = MetricsLog.Open(Path.Combine(outDir, MetricsFile), state.Step); // after the commit: never ahead of it
        WriteConfigCopy(config, outDir);
        Func<ComputationGraph, int[]> teacherOf = teacher is null
            ? TrainingGraph.TeacherFunction(config.ImitationTeacher)
            : g => teacher.Order(g, cancellationToken);
        var run = new RunContext(config, outDir, trainer, store, log, ValidationSet(config, teacherOf), teacherOf, reached);
        return Train(run, state, progress, cancellationToken);
    }

    private static TrainingProgress? Train(RunContext run, TrainingState state, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var config = run.Config;
        var clock = Stopwatch.StartNew();
        double startSeconds = state.ElapsedSeconds;
        TrainingProgress? last = null;
        bool committed = true;
        if (state.Step == 0 && config.InitFrom is not null && state.BestValidation == double.MaxValue)
        {
            // Fine-tuning: the loaded weights are the first candidate, so the run never ships worse ones on validation.
            state = AfterValidation(run, state, Trainer.Validate(run.Trainer.Network, run.Validation, config.MemoryWeight), 0);
            run.Store.Commit(run.Trainer, config, state);
        }
        for (int step = state.Step + 1; step <= config.Steps; step++)
        {
            if (cancellationToken.IsCancellationRequested || (config.TimeLimitMinutes > 0 && startSeconds + clock.Elapsed.TotalSeconds >= config.TimeLimitMinutes * 60))
            {
                break;
            }
            var (metrics, phase) = Step(run, step);
            double? validationCost = null;
            if (step % config.ValidateEvery == 0 || step == config.Steps)
            {
                validationCost = Trainer.Validate(run.Trainer.Network, run.Validation, run.Config.MemoryWeight);
                state = AfterValidation(run, state, validationCost.Value, step);
            }
            state = state with { Step = step, ElapsedSeconds = startSeconds + clock.Elapsed.TotalSeconds };
            last = new TrainingProgress(step, config.Steps, phase, metrics, validationCost,
                state.BestValidation, TimeSpan.FromSeconds(state.ElapsedSeconds));
            run.Log.Append(last);
            run.Reached?.Invoke(TrainingPhase.MetricsRowAppended);
            committed = validationCost is not null;
            if (committed)
            {
                run.Store.Commit(run.Trainer, config, state);
            }
            progress?.Report(last);
        }
        if (!committed)
        {
            run.Store.Commit(run.Trainer, config, state); // stopped between validations: keep the latest step resumable
        }
        return last;
    }

    /// <summary>One optimiser step on fresh graphs; graphs and samples come from a System.Random seeded by (seed,
    /// step), so a resumed run draws what an uninterrupted one does without saving that generator.</summary>
    private static (StepMetrics Metrics, string Phase) Step(RunContext run, int step)
    {
        var config = run.Config;
        var random = new Random(StepSeed(config.Seed, step));
        var batch = new List<TrainingGraph>(config.GraphsPerStep);
        for (int i = 0; i < config.GraphsPerStep; i++)
        {
            var graph = config.TrainGraphsAt(step).Generate(random, random.Next());
            batch.Add(new TrainingGraph(graph, config.Model, run.Teacher));
        }
        if (step <= config.ImitationSteps)
        {
            return (run.Trainer.ImitationStep(batch), "imitation");
        }
        bool expert = config.IsExpertStep(step);
        return (run.Trainer.ReinforceStep(batch, random, expert), expert ? "expert" : "reinforce");
    }

    /// <summary>Loads <c>init_from</c>'s weights into the fresh network; its card must describe the config's model.</summary>
    /// <exception cref="TopoformerConfigException">No checkpoint there, or one of another shape (the message names the
    /// first option that differs).</exception>
    private static void LoadInitialWeights(TopoformerNetwork network, TrainingConfig config)
    {
        string folder = TopoformerCheckpoint.ResolveFolder(config.InitFrom!);
        var card = TopoformerCheckpoint.ReadCard(folder);
        // Compared leaf by leaf: the options record holds a feature list, which record equality compares by reference.
        if (YamlFile.Differences(card.Options, config.Model) is [var (key, theirs, mine), ..])
        {
            throw new TopoformerConfigException(folder,
                $"init_from: {folder} holds a model with {key} = {theirs}, but the config's model has {mine}; "
                + "fine-tuning needs the same model options.", "init_from");
        }
        TopoformerCheckpoint.LoadWeights(network, Path.Combine(folder, TopoformerCheckpoint.WeightsFile));
    }

    /// <summary>Holds <c>OUT/.train.lock</c> for the run (an OS file lock, released by a kill as well): two runs
    /// writing one folder would remove each other's state.</summary>
    private static FileStream LockFolder(string outDir)
    {
        string path = Path.Combine(outDir, LockFile);
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new TopoformerConfigException(path,
                $"{outDir}: another training run is writing to this folder (it holds {path}); wait for it to finish or choose another --out.", inner: e);
        }
    }

    private sealed record RunContext(TrainingConfig Config, string OutDir, Trainer Trainer, TrainingStateStore Store, MetricsLog Log,
        List<TrainingGraph> Validation, Func<ComputationGraph, int[]> Teacher, Action<TrainingPhase>? Reached);

    private static TrainingState AfterValidation(RunContext run, TrainingState state, double cost, int step)
    {
        var trainer = run.Trainer;
        if (cost < state.BestValidation)
        {
            state = state with { BestValidation = cost };
            TopoformerCheckpoint.SaveWeights(trainer.Network, Path.Combine(run.OutDir, TopoformerCheckpoint.WeightsFile));
            run.Reached?.Invoke(TrainingPhase.BestWeightsWritten);
            TopoformerCheckpoint.SaveCard(trainer.Network.Options, run.OutDir, Provenance(run.Config, step, cost, state));
            run.Reached?.Invoke(TrainingPhase.BestCheckpointWritten);
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
            ["expert_weight"] = config.ExpertWeight.ToString("G6", inv),
            ["memory_weight"] = config.MemoryWeight.ToString("G6", inv),
            ["init_from"] = config.InitFrom ?? "(none: from scratch)",
            ["curriculum_stages"] = config.Curriculum.Count.ToString(inv),
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

    /// <summary>Records the config used; an equivalent file already there (e.g. the --config file itself) is kept
    /// as written, comments included.</summary>
    private static void WriteConfigCopy(TrainingConfig config, string outDir)
    {
        string path = Path.Combine(outDir, ConfigFile);
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
