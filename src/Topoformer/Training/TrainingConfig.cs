using Scheduler.Graphs;

namespace Scheduler.Topoformer.Training;

/// <summary>
/// Everything a training run needs, loaded from YAML (snake_case keys) by <see cref="Load"/>. REINFORCE on
/// peak / lower bound (Gagrani et al. 2022) with the baselines of the paper (greedy rollout of a frozen copy) and of
/// the One-Shot follow-up (mean of K samples per graph), an optional imitation warm start, expert iteration (the best
/// of the K samples improved by local search becomes an imitation target mixed into the REINFORCE loss), a size
/// curriculum, Adam and gradient clipping.
/// </summary>
public sealed record TrainingConfig
{
    /// <summary>Seed of the weights, the training graphs and the sampling.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Optimiser steps in total (imitation steps included).</summary>
    public int Steps { get; init; } = 1000;

    /// <summary>Stop after this much training time (resumes included); 0 = no limit.</summary>
    public double TimeLimitMinutes { get; init; }

    /// <summary>Fresh graphs per step.</summary>
    public int GraphsPerStep { get; init; } = 4;

    /// <summary>K: sampled orders per graph for REINFORCE.</summary>
    public int SamplesPerGraph { get; init; } = 8;

    /// <summary>Adam learning rate.</summary>
    public double LearningRate { get; init; } = 3e-4;

    /// <summary>Clip the global gradient norm to this (0 = off).</summary>
    public double GradClip { get; init; } = 1.0;

    /// <summary><c>mean</c> (mean cost of the K samples, One-Shot) or <c>rollout</c> (greedy order of a frozen copy, paper).</summary>
    public string Baseline { get; init; } = "mean";

    /// <summary>First steps trained by imitation (maximum likelihood of a teacher order) instead of REINFORCE.</summary>
    public int ImitationSteps { get; init; }

    /// <summary>Teacher of the warm start: <c>kahn</c>, <c>memory-greedy</c>, <c>dfs</c> or <c>best-simple</c>.</summary>
    public string ImitationTeacher { get; init; } = "best-simple";

    /// <summary>
    /// Expert iteration: weight of the imitation term −log p(target) / N in the loss of a REINFORCE step, where the
    /// target is the best of the step's K samples improved by <c>expert_search_moves</c> moves of local search
    /// (<see cref="ExpertSearch"/>). 0 = off (REINFORCE only).
    /// </summary>
    public double ExpertWeight { get; init; }

    /// <summary>Expert iteration on every this many REINFORCE steps (1 = every step; the others are plain
    /// REINFORCE), so its search time can be traded against steps.</summary>
    public int ExpertEvery { get; init; } = 1;

    /// <summary>Local-search budget (scored moves) that improves each graph's best sample into its target.</summary>
    public long ExpertSearchMoves { get; init; } = 20_000;

    /// <summary>
    /// Memory-aware policy: the weight w of memory-aware decoding (<see cref="Decoding.PriorityDecoder"/>) in the
    /// policy that is trained — REINFORCE samples, their log-probabilities, the imitation targets' likelihood, greedy
    /// metrics and validation all decode s_j − w·(net bytes of j now) / mean op output. The network then learns what
    /// the term misses, and decoding at weight w (temperature 1) is the policy it was trained as. 0 = the paper's policy.
    /// </summary>
    public double MemoryWeight { get; init; }

    /// <summary>
    /// Size curriculum: stages of training-graph sizes, in order from step 1 (each lasts its <c>steps</c>; after the
    /// last, its sizes stay). Empty = <c>train_graphs</c>' sizes throughout; the family and densities always come
    /// from <c>train_graphs</c>.
    /// </summary>
    public IReadOnlyList<CurriculumStage> Curriculum { get; init; } = [];

    /// <summary>
    /// Fine-tuning: a checkpoint (folder, or its model.bin / model.yaml; relative to the working directory) whose
    /// weights replace the random initialisation at step 0. Its card's options must equal <c>model</c>. The run then
    /// validates the loaded weights at step 0, so it never ships weights worse on validation than those it started
    /// from. Null = train from scratch.
    /// </summary>
    public string? InitFrom { get; init; }

    /// <summary>Validate (greedy decode on the fixed validation set) every this many steps.</summary>
    public int ValidateEvery { get; init; } = 25;

    /// <summary>Training graphs, drawn fresh each step.</summary>
    public GraphSetSpec TrainGraphs { get; init; } = new();

    /// <summary>The fixed validation set.</summary>
    public GraphSetSpec Validation { get; init; } = new() { NodesMin = 200, NodesMax = 300 };

    /// <summary>The network's hyperparameters.</summary>
    public TopoformerOptions Model { get; init; } = new();

    /// <summary>The training graphs of step <paramref name="step"/> (1-based): <c>train_graphs</c> with the sizes of
    /// the curriculum stage the step falls in.</summary>
    public GraphSetSpec TrainGraphsAt(int step)
    {
        long end = 0;
        CurriculumStage? stage = null;
        foreach (var s in Curriculum)
        {
            stage = s;
            end += s.Steps;
            if (step <= end)
            {
                break;
            }
        }
        return stage is null ? TrainGraphs : TrainGraphs with { NodesMin = stage.NodesMin, NodesMax = stage.NodesMax };
    }

    /// <summary>Whether REINFORCE step <paramref name="step"/> carries the expert-iteration term.</summary>
    public bool IsExpertStep(int step) => ExpertWeight > 0 && step % ExpertEvery == 0;

    /// <summary>Reads and checks a config file.</summary>
    /// <exception cref="TopoformerConfigException">Names the file and the bad key: unknown, malformed or out of range.</exception>
    public static TrainingConfig Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var config = YamlFile.Read<TrainingConfig>(path);
        config.Validate(path);
        return config;
    }

    /// <summary>Parses config text (for tests and embedded configs); <paramref name="sourceName"/> appears in errors.</summary>
    /// <exception cref="TopoformerConfigException">As <see cref="Load"/>.</exception>
    public static TrainingConfig Parse(string yaml, string sourceName = "<config>")
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var config = YamlFile.Parse<TrainingConfig>(yaml, sourceName);
        config.Validate(sourceName);
        return config;
    }

    /// <summary>Checks every value; the first problem becomes an error naming the file and key.</summary>
    /// <exception cref="TopoformerConfigException">A value is out of range.</exception>
    public void Validate(string sourceName)
    {
        foreach (var (key, message) in Problems())
        {
            throw new TopoformerConfigException(sourceName, $"{sourceName}: bad value for '{key}': {message}.", key);
        }
        try
        {
            Model.Validate();
        }
        catch (ArgumentException e)
        {
            throw new TopoformerConfigException(sourceName, $"{sourceName}: bad value under 'model': {e.Message}", "model", inner: e);
        }
    }

    /// <summary>
    /// The keys whose values differ from <paramref name="saved"/> (the config a training state was written with), as
    /// "key (saved vs this)"; <c>steps</c> and <c>time_limit_minutes</c> are left out: a resume may change when the run
    /// stops, but any other change would make the resumed run differ from an uninterrupted one.
    /// </summary>
    internal IReadOnlyList<string> ResumeDifferences(TrainingConfig saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        return YamlFile.Differences(saved with { Steps = 1, TimeLimitMinutes = 0 }, this with { Steps = 1, TimeLimitMinutes = 0 })
            .Select(d => $"{d.Key} ({d.Before} vs {d.After})").ToList();
    }

    private IEnumerable<(string Key, string Message)> Problems()
    {
        var checks = new (string Key, double Value, ValueRange Range)[]
        {
            ("seed", Seed, ValueRange.AnyInt),
            ("steps", Steps, Ranges.Steps),
            ("time_limit_minutes", TimeLimitMinutes, Ranges.Minutes),
            ("graphs_per_step", GraphsPerStep, Ranges.GraphsPerStep),
            ("samples_per_graph", SamplesPerGraph, Ranges.SamplesPerGraph),
            ("learning_rate", LearningRate, Ranges.LearningRate),
            ("grad_clip", GradClip, Ranges.GradClip),
            ("imitation_steps", ImitationSteps, Ranges.ImitationSteps),
            ("validate_every", ValidateEvery, Ranges.Steps),
            ("expert_weight", ExpertWeight, Ranges.ExpertWeight),
            ("expert_every", ExpertEvery, Ranges.Steps),
            ("expert_search_moves", ExpertSearchMoves, Ranges.SearchMoves),
            ("memory_weight", MemoryWeight, Ranges.MemoryWeight),
        };
        foreach (var (key, value, range) in checks)
        {
            if (range.Problem(value) is string problem)
            {
                yield return (key, problem);
            }
        }
        if (InitFrom is not null && string.IsNullOrWhiteSpace(InitFrom))
        {
            yield return ("init_from", "must name a checkpoint folder (or leave the key out to train from scratch), got an empty value");
        }
        if (Baseline is not ("mean" or "rollout"))
        {
            yield return ("baseline", $"must be mean or rollout, got '{Baseline}'{Suggestions.DidYouMean(Baseline ?? "", ["mean", "rollout"])}");
        }
        string[] teachers = ["kahn", "memory-greedy", "dfs", "best-simple"];
        if (!teachers.Contains(ImitationTeacher))
        {
            yield return ("imitation_teacher", $"must be kahn, memory-greedy, dfs or best-simple, got '{ImitationTeacher}'{Suggestions.DidYouMean(ImitationTeacher ?? "", teachers)}");
        }
        if (TrainGraphs is null || Validation is null || Model is null)
        {
            yield return (TrainGraphs is null ? "train_graphs" : Validation is null ? "validation" : "model", "must be a mapping of keys, got null");
            yield break;
        }
        foreach (var p in TrainGraphs.Problems("train_graphs")) { yield return p; }
        foreach (var p in Validation.Problems("validation")) { yield return p; }
        if (Curriculum is null)
        {
            yield return ("curriculum", "must be a list of stages (steps, nodes_min, nodes_max), got null");
            yield break;
        }
        for (int i = 0; i < Curriculum.Count; i++)
        {
            if (Curriculum[i] is null)
            {
                yield return ($"curriculum[{i}]", "must be a mapping with the keys steps, nodes_min, nodes_max, got null");
                continue;
            }
            foreach (var p in Curriculum[i].Problems($"curriculum[{i}]")) { yield return p; }
        }
    }

    /// <summary>The accepted values of the numeric keys (far above useful values; they stop typos and overflows).</summary>
    public static class Ranges
    {
        /// <summary><c>steps</c>, <c>validate_every</c>: 1 to 10^9.</summary>
        public static ValueRange Steps { get; } = ValueRange.Integers(1, 1_000_000_000);

        /// <summary><c>imitation_steps</c>: 0 to 10^9.</summary>
        public static ValueRange ImitationSteps { get; } = ValueRange.Integers(0, 1_000_000_000);

        /// <summary><c>time_limit_minutes</c>: 0 (no limit) to 10^7.</summary>
        public static ValueRange Minutes { get; } = ValueRange.Numbers(0, 1e7);

        /// <summary><c>graphs_per_step</c>: 1 to 10,000.</summary>
        public static ValueRange GraphsPerStep { get; } = ValueRange.Integers(1, 10_000);

        /// <summary><c>samples_per_graph</c>: 2 (REINFORCE's mean baseline needs two) to 10,000.</summary>
        public static ValueRange SamplesPerGraph { get; } = ValueRange.Integers(2, 10_000);

        /// <summary><c>learning_rate</c>: (0, 1].</summary>
        public static ValueRange LearningRate { get; } = ValueRange.Positive(1);

        /// <summary><c>expert_weight</c>: 0 (off) to 10^3.</summary>
        public static ValueRange ExpertWeight { get; } = ValueRange.Numbers(0, 1e3);

        /// <summary><c>expert_search_moves</c>: 1 to 10^9 scored moves.</summary>
        public static ValueRange SearchMoves { get; } = ValueRange.Integers(1, 1_000_000_000);

        /// <summary><c>memory_weight</c>: 0 (the paper's policy) to 10^3, as the decoders accept.</summary>
        public static ValueRange MemoryWeight { get; } = ValueRange.Numbers(0, 1e3);

        /// <summary><c>grad_clip</c>: 0 (off) to 10^6.</summary>
        public static ValueRange GradClip { get; } = ValueRange.Numbers(0, 1e6);
    }
}
