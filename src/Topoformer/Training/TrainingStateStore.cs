using System.Globalization;
using System.Text.RegularExpressions;
using Scheduler.Graphs.Formats;

namespace Scheduler.Topoformer.Training;

/// <summary>
/// The resumable state of a run (<c>OUT/state/</c>), committed as one unit. A commit writes a complete new folder
/// <c>step-NNNNNNNNN.XXXXXXXX/</c> — latest weights and card, optimiser, frozen baseline (rollout only), torch RNG,
/// the config and <c>state.yaml</c> (step, validation values; the step is also the number of metrics.csv rows it
/// covers) — flushes it to disk, then switches the pointer file <c>current</c> to it with one atomic rename, and only
/// then removes the other folders. A kill at any moment therefore leaves <c>current</c> naming a complete folder, the
/// old one or the new one; a folder it does not name is a killed commit's and is removed by the next run.
/// </summary>
internal sealed partial class TrainingStateStore
{
    /// <summary>The pointer file: one line, the committed folder's name.</summary>
    public const string PointerFile = "current";

    private const string OptimizerFile = "optimizer.bin", FrozenFile = "frozen.bin", RandomFile = "rng.bin";
    private const string StateFile = "state.yaml", ConfigFile = "config.yaml";

    /// <summary>What the layout before the pointer kept directly in <c>state/</c>; removed by a fresh run.</summary>
    private static readonly string[] OldLayoutFiles =
        [StateFile, TopoformerCheckpoint.WeightsFile, TopoformerCheckpoint.CardFile, OptimizerFile, FrozenFile];

    private readonly string _root;
    private readonly Action<TrainingPhase>? _reached;

    /// <param name="root">The <c>state/</c> folder.</param>
    /// <param name="reached">Called between the writes of a commit (tests stop the run there).</param>
    public TrainingStateStore(string root, Action<TrainingPhase>? reached)
    {
        _root = root;
        _reached = reached;
    }

    /// <summary>Writes <paramref name="state"/> with the trainer's weights, optimiser and the torch RNG as the new
    /// committed state, then removes every other state folder.</summary>
    public void Commit(Trainer trainer, TrainingConfig config, TrainingState state)
    {
        string name = string.Create(CultureInfo.InvariantCulture, $"step-{state.Step:D9}.{Guid.NewGuid().ToString("N")[..8]}");
        string folder = Path.Combine(_root, name);
        Directory.CreateDirectory(folder);
        TopoformerCheckpoint.Save(trainer.Network, folder);
        _reached?.Invoke(TrainingPhase.StateFolderPartial);
        trainer.Optimizer.save_state_dict(Path.Combine(folder, OptimizerFile));
        if (trainer.Frozen is not null)
        {
            trainer.Frozen.save(Path.Combine(folder, FrozenFile));
        }
        File.WriteAllBytes(Path.Combine(folder, RandomFile), TorchRandomState.Capture());
        File.WriteAllText(Path.Combine(folder, ConfigFile), YamlFile.Serialize(config));
        File.WriteAllText(Path.Combine(folder, StateFile), YamlFile.Serialize(state));
        foreach (string file in Directory.EnumerateFiles(folder))
        {
            FlushToDisk(file); // a power cut after the switch below must not find the folder's data unwritten
        }
        _reached?.Invoke(TrainingPhase.StateFolderWritten);
        AtomicFile.Write(Path.Combine(_root, PointerFile), tmp =>
        {
            File.WriteAllText(tmp, name + "\n");
            FlushToDisk(tmp);
        });
        _reached?.Invoke(TrainingPhase.StateCommitted);
        RemoveAllBut(name);
        _reached?.Invoke(TrainingPhase.OldStateRemoved);
    }

    /// <summary>
    /// The committed state, checked before anything is built or written: the pointer names an existing folder, every
    /// file is there, the values are in range, the step is within the config's steps, and the architecture and
    /// config are the ones the state was trained with (only <c>steps</c> and <c>time_limit_minutes</c> may change).
    /// </summary>
    /// <exception cref="TopoformerConfigException">Nothing is committed, or the state is incomplete or does not fit
    /// the config; the message names the file.</exception>
    public CommittedState ReadCommitted(TrainingConfig config)
    {
        string folder = CommittedFolder();
        string statePath = Path.Combine(folder, StateFile);
        Require(statePath);
        var state = YamlFile.Read<TrainingState>(statePath);
        foreach (var (key, message) in state.Problems())
        {
            throw new TopoformerConfigException(statePath, $"{statePath}: bad value for '{key}': {message}.", key);
        }
        int folderStep = int.Parse(FolderPattern().Match(Path.GetFileName(folder)).Groups["step"].Value, CultureInfo.InvariantCulture);
        if (state.Step != folderStep)
        {
            throw new TopoformerConfigException(statePath, $"{statePath}: step {state.Step}, but it lies in the folder of step {folderStep}; the state was edited or mixed up.", "step");
        }
        if (state.Step > config.Steps)
        {
            throw new TopoformerConfigException(statePath,
                $"{statePath}: step {state.Step} is beyond the config's steps ({config.Steps}); raise 'steps' to continue this run, or start without --resume.", "step");
        }
        CheckMatches(config, folder);
        return new CommittedState(folder, state);
    }

    /// <summary>Loads a state from <see cref="ReadCommitted"/> into <paramref name="trainer"/> (built from the same
    /// config and seed); the torch RNG is restored last, after every constructor has drawn from it.</summary>
    /// <exception cref="TopoformerConfigException">A file is damaged (named in the message).</exception>
    public static TrainingState Restore(CommittedState committed, Trainer trainer)
    {
        TopoformerCheckpoint.LoadWeights(trainer.Network, Path.Combine(committed.Folder, TopoformerCheckpoint.WeightsFile));
        string optimizer = Path.Combine(committed.Folder, OptimizerFile);
        try
        {
            trainer.Optimizer.load_state_dict(optimizer);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // TorchSharp reports a damaged file with whatever its reader hits first (end of stream, a bad size, a
            // native error); any of them means this file cannot be used.
            throw new TopoformerConfigException(optimizer, $"{optimizer}: cannot load the optimiser state ({e.Message}); restore the state folder or start without --resume.", inner: e);
        }
        if (trainer.Frozen is not null)
        {
            TopoformerCheckpoint.LoadWeights(trainer.Frozen, Path.Combine(committed.Folder, FrozenFile));
        }
        string random = Path.Combine(committed.Folder, RandomFile);
        TorchRandomState.Restore(File.ReadAllBytes(random), random);
        return committed.State;
    }

    /// <summary>Removes what a killed commit left: every state folder but the committed one, temp files of the
    /// pointer. Only for the one run that holds the output folder's lock.</summary>
    public void RemoveUncommitted(CommittedState committed) => RemoveAllBut(Path.GetFileName(committed.Folder));

    private string CommittedFolder()
    {
        string pointer = Path.Combine(_root, PointerFile);
        if (!File.Exists(pointer))
        {
            string old = Path.Combine(_root, StateFile);
            throw new TopoformerConfigException(File.Exists(old) ? old : pointer, File.Exists(old)
                ? $"{old}: training state in the layout of an older build (no {PointerFile} pointer, no RNG state); it cannot be resumed exactly — start without --resume."
                : $"{pointer}: nothing to resume (no committed training state); start without --resume.");
        }
        string name = new FileInfo(pointer).Length <= 256 ? File.ReadAllText(pointer).Trim() : "";
        if (!FolderPattern().IsMatch(name))
        {
            throw new TopoformerConfigException(pointer, $"{pointer}: expected the name of a state folder (step-NNNNNNNNN.XXXXXXXX), got '{Shorten(name)}'.");
        }
        string folder = Path.Combine(_root, name);
        if (!Directory.Exists(folder))
        {
            throw new TopoformerConfigException(pointer, $"{pointer}: names the state folder {name}, which does not exist in {_root}.");
        }
        return folder;
    }

    private static void CheckMatches(TrainingConfig config, string folder)
    {
        var card = TopoformerCheckpoint.ReadCard(folder);
        var architecture = card.Options.Differences(config.Model);
        if (architecture.Count > 0)
        {
            string cardPath = Path.Combine(folder, TopoformerCheckpoint.CardFile);
            throw new TopoformerConfigException(cardPath,
                $"{cardPath}: the checkpoint does not match the config's model section: {string.Join("; ", architecture)} (checkpoint vs config).", "model");
        }
        string configPath = Path.Combine(folder, ConfigFile);
        Require(configPath);
        var differences = config.ResumeDifferences(TrainingConfig.Load(configPath));
        if (differences.Count > 0)
        {
            throw new TopoformerConfigException(configPath,
                $"{configPath}: the state was trained with another config: {string.Join("; ", differences)} (state vs config); only steps and time_limit_minutes may change on resume.");
        }
        Require(Path.Combine(folder, TopoformerCheckpoint.WeightsFile));
        Require(Path.Combine(folder, OptimizerFile));
        Require(Path.Combine(folder, RandomFile));
        if (config.Baseline == "rollout")
        {
            Require(Path.Combine(folder, FrozenFile));
        }
    }

    private static void Require(string path)
    {
        if (!File.Exists(path))
        {
            throw new TopoformerConfigException(path,
                $"{path}: missing from the committed training state, which is incomplete; restore the state folder or start without --resume.");
        }
    }

    private void RemoveAllBut(string keep)
    {
        foreach (string dir in Directory.EnumerateDirectories(_root))
        {
            string name = Path.GetFileName(dir);
            if (name != keep && FolderPattern().IsMatch(name))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
        AtomicFile.RemoveTemps(Path.Combine(_root, PointerFile));
        foreach (string file in OldLayoutFiles)
        {
            string path = Path.Combine(_root, file);
            File.Delete(path);
            AtomicFile.RemoveTemps(path);
        }
    }

    private static void FlushToDisk(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        stream.Flush(flushToDisk: true);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";

    [GeneratedRegex(@"^step-(?<step>\d{9,10})\.[0-9a-f]{8}$")]
    private static partial Regex FolderPattern();

    /// <summary>A committed state folder and its <c>state.yaml</c>, checked against the config.</summary>
    internal sealed record CommittedState(string Folder, TrainingState State);
}
