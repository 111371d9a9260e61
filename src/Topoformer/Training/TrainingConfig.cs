namespace Scheduler.Topoformer.Training;

/// <summary>
/// Everything a training run needs, loaded from YAML (snake_case keys) by <see cref="Load"/>. REINFORCE on
/// peak / lower bound (Gagrani et al. 2022) with the baselines of the paper (greedy rollout of a frozen copy) and of
/// the One-Shot follow-up (mean of K samples per graph), an optional imitation warm start, Adam and gradient clipping.
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

    /// <summary>Validate (greedy decode on the fixed validation set) every this many steps.</summary>
    public int ValidateEvery { get; init; } = 25;

    /// <summary>Training graphs, drawn fresh each step.</summary>
    public GraphSetSpec TrainGraphs { get; init; } = new();

    /// <summary>The fixed validation set.</summary>
    public GraphSetSpec Validation { get; init; } = new() { NodesMin = 200, NodesMax = 300 };

    /// <summary>The network's hyperparameters.</summary>
    public TopoformerOptions Model { get; init; } = new();

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

    private IEnumerable<(string Key, string Message)> Problems()
    {
        if (Steps < 1) { yield return ("steps", $"must be at least 1, got {Steps}"); }
        if (TimeLimitMinutes < 0) { yield return ("time_limit_minutes", $"must be >= 0, got {TimeLimitMinutes}"); }
        if (GraphsPerStep < 1) { yield return ("graphs_per_step", $"must be at least 1, got {GraphsPerStep}"); }
        if (SamplesPerGraph < 2) { yield return ("samples_per_graph", $"must be at least 2, got {SamplesPerGraph}"); }
        if (LearningRate <= 0) { yield return ("learning_rate", $"must be positive, got {LearningRate}"); }
        if (GradClip < 0) { yield return ("grad_clip", $"must be >= 0, got {GradClip}"); }
        if (Baseline is not ("mean" or "rollout")) { yield return ("baseline", $"must be mean or rollout, got '{Baseline}'"); }
        if (ImitationSteps < 0) { yield return ("imitation_steps", $"must be >= 0, got {ImitationSteps}"); }
        if (ImitationTeacher is not ("kahn" or "memory-greedy" or "dfs" or "best-simple"))
        {
            yield return ("imitation_teacher", $"must be kahn, memory-greedy, dfs or best-simple, got '{ImitationTeacher}'");
        }
        if (ValidateEvery < 1) { yield return ("validate_every", $"must be at least 1, got {ValidateEvery}"); }
        foreach (var p in TrainGraphs.Problems("train_graphs")) { yield return p; }
        foreach (var p in Validation.Problems("validation")) { yield return p; }
    }
}
