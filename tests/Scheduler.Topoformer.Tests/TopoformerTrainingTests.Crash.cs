using Scheduler.Topoformer.Training;

namespace Scheduler.Topoformer.Tests;

/// <summary>
/// A run stopped at every point between its writes (<see cref="TrainingPhase"/>; the hook throws, leaving the files
/// as a kill there would) and then resumed ends with the same files as an uninterrupted run: byte-identical weights,
/// optimiser and RNG state, and the same metrics except the wall-clock column.
/// </summary>
public sealed partial class TopoformerTrainingTests
{
    /// <summary>4 steps (1 imitation, 3 REINFORCE), validation and a commit every 2 steps; the expert variant makes
    /// steps 2 and 4 expert-iteration steps and grows the graphs after step 2 (a curriculum of two stages).</summary>
    private static TrainingConfig CrashConfig(string variant) => Tiny(4) with
    {
        ImitationSteps = 1,
        Baseline = variant.StartsWith("rollout", StringComparison.Ordinal) ? "rollout" : "mean",
        Model = Toy.Options with { Layers = 1, Dropout = variant.EndsWith("dropout", StringComparison.Ordinal) ? 0.3 : 0 },
        ExpertWeight = variant == "expert-curriculum" ? 0.5 : 0,
        ExpertEvery = 2,
        ExpertSearchMoves = 500,
        Curriculum = variant == "expert-curriculum"
            ? [new CurriculumStage { Steps = 2, NodesMin = 10, NodesMax = 20 }, new CurriculumStage { Steps = 100, NodesMin = 20, NodesMax = 30 }]
            : [],
    };

    private static readonly Dictionary<string, (RunFiles Files, List<TrainingPhase> Phases)> Uninterrupted = [];

    private sealed class SimulatedKill : Exception;

    /// <summary>Phases an uninterrupted run of each variant passes: 3 commits of 4 phases, 4 metrics rows, and 2 for
    /// each validation that improves (both at mean and expert-curriculum; at rollout-dropout only the first).</summary>
    private static readonly Dictionary<string, int> PhaseCount = new() { ["mean"] = 20, ["rollout-dropout"] = 18, ["expert-curriculum"] = 20 };

    /// <summary>Every phase of an uninterrupted run, by index (the second variant has every state file, the frozen
    /// copy too, and draws dropout masks; the third searches for expert targets and changes sizes mid-run).</summary>
    public static TheoryData<string, int> CrashPoints()
    {
        var data = new TheoryData<string, int>();
        foreach (var (variant, count) in PhaseCount)
        {
            for (int i = 0; i < count; i++)
            {
                data.Add(variant, i);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CrashPoints))]
    public void Run_KilledAtAnyPhaseThenResumed_SameFilesAsUninterrupted(string variant, int stopAt)
    {
        var config = CrashConfig(variant);
        var (expected, phases) = Reference(variant);
        Assert.True(phases.Count == PhaseCount[variant], $"{variant}: {phases.Count} phases, not {PhaseCount[variant]}: {string.Join(", ", phases)}");
        int seen = 0;
        Assert.Throws<SimulatedKill>(() => TopoformerTraining.Run(config, _dir, false, null, default, null, phase =>
        {
            if (seen++ == stopAt)
            {
                throw new SimulatedKill();
            }
        }));
        if (stopAt < 2) // stopped inside the step-0 commit: nothing is committed yet, and --resume says so
        {
            var e = Assert.Throws<TopoformerConfigException>(() => TopoformerTraining.Run(config, _dir, resume: true));
            Assert.Contains("nothing to resume", e.Message);
            TopoformerTraining.Run(config, _dir, resume: false);
        }
        else
        {
            TopoformerTraining.Run(config, _dir, resume: true);
        }
        RunFiles.Of(_dir).AssertSame(expected, $"{variant}, stopped at phase {stopAt} ({phases[stopAt]})");
    }

    [Fact]
    public void Run_Uninterrupted_WritesInTheDocumentedOrder()
    {
        var (_, phases) = Reference("mean");
        TrainingPhase[] commit = [TrainingPhase.StateFolderPartial, TrainingPhase.StateFolderWritten, TrainingPhase.StateCommitted, TrainingPhase.OldStateRemoved];
        Assert.Equal(commit, phases.Take(4));
        int row = phases.IndexOf(TrainingPhase.MetricsRowAppended, 4);
        Assert.Equal(4, row); // step 1: its row, no commit (not a validation step)
        int step2 = phases.IndexOf(TrainingPhase.MetricsRowAppended, row + 1);
        Assert.Equal([TrainingPhase.BestWeightsWritten, TrainingPhase.BestCheckpointWritten], phases.Skip(row + 1).Take(2)); // step 2 validates first
        Assert.Equal(commit, phases.Skip(step2 + 1).Take(4)); // then its row, then the commit
    }

    /// <summary>What a kill in the middle of a write leaves (the hook only stops between writes): a metrics row cut
    /// short, temp files of atomic writes, a half-written state folder. The resume removes all of it.</summary>
    [Fact]
    public void Run_ResumeAfterKillMidWrite_LeftoversRemoved()
    {
        var config = CrashConfig("mean");
        var (expected, _) = Reference("mean");
        int seen = 0;
        Assert.Throws<SimulatedKill>(() => TopoformerTraining.Run(config, _dir, false, null, default, null, phase =>
        {
            if (phase == TrainingPhase.MetricsRowAppended && ++seen == 3)
            {
                throw new SimulatedKill(); // step 3's row is there, the state is committed at step 2
            }
        }));
        string state = Path.Combine(_dir, "state"), temp = $".{Guid.NewGuid():N}.tmp";
        File.AppendAllText(Path.Combine(_dir, "metrics.csv"), "4,reinforce,0.1"); // cut mid-row
        File.WriteAllText(Path.Combine(_dir, ".model.bin" + temp), "partial");
        File.WriteAllText(Path.Combine(_dir, ".metrics.csv" + temp), "partial");
        File.WriteAllText(Path.Combine(state, ".current" + temp), "partial");
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(state, "step-000000004.0123abcd")).FullName, "model.bin"), "partial");
        TopoformerTraining.Run(config, _dir, resume: true);
        RunFiles.Of(_dir).AssertSame(expected, "resumed after a kill mid-write");
    }

    private static (RunFiles Files, List<TrainingPhase> Phases) Reference(string variant)
    {
        if (!Uninterrupted.TryGetValue(variant, out var reference))
        {
            string dir = Path.Combine(Path.GetTempPath(), "topoformer-reference-" + Guid.NewGuid().ToString("N"));
            var phases = new List<TrainingPhase>();
            try
            {
                TopoformerTraining.Run(CrashConfig(variant), dir, false, null, default, null, phases.Add);
                reference = (RunFiles.Of(dir), phases);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
            Uninterrupted[variant] = reference;
        }
        return reference;
    }

    /// <summary>What a finished run leaves, in the form two runs can be compared by.</summary>
    private sealed record RunFiles(byte[] Weights, string[] Metrics, SortedDictionary<string, byte[]> State, string StateYaml, string[] Entries)
    {
        public static RunFiles Of(string dir)
        {
            string stateDir = Path.Combine(dir, "state");
            string folder = Path.Combine(stateDir, File.ReadAllText(Path.Combine(stateDir, "current")).Trim());
            var state = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (string file in Directory.GetFiles(folder).Where(f => Path.GetFileName(f) != "state.yaml"))
            {
                state[Path.GetFileName(file)] = File.ReadAllBytes(file);
            }
            string stateYaml = string.Join('\n', File.ReadAllLines(Path.Combine(folder, "state.yaml")).Where(l => !l.StartsWith("elapsed_seconds:", StringComparison.Ordinal)));
            // Every file and folder name, the state folder's random suffix blanked: no leftovers of the killed run.
            var entries = Directory.GetFileSystemEntries(dir, "*", SearchOption.AllDirectories)
                .Select(e => Path.GetRelativePath(dir, e).Replace(Path.GetFileName(folder), "step-folder", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal).ToArray();
            return new RunFiles(File.ReadAllBytes(Path.Combine(dir, TopoformerCheckpoint.WeightsFile)),
                File.ReadAllLines(Path.Combine(dir, "metrics.csv")).Select(WithoutElapsed).ToArray(), state, stateYaml, entries);
        }

        public void AssertSame(RunFiles expected, string what)
        {
            Assert.True(expected.Weights.AsSpan().SequenceEqual(Weights), $"{what}: model.bin differs");
            Assert.Equal(expected.Metrics, Metrics);
            Assert.Equal(expected.Entries, Entries);
            foreach (var (name, bytes) in expected.State)
            {
                Assert.True(bytes.AsSpan().SequenceEqual(State[name]), $"{what}: state file {name} differs");
            }
            Assert.Equal(expected.StateYaml, StateYaml);
        }

        /// <summary>A metrics row without its last column (elapsed_s, wall-clock time).</summary>
        private static string WithoutElapsed(string row) => row[..row.LastIndexOf(',')];
    }
}
