namespace Scheduler.Topoformer.Training;

/// <summary>Where a run stands (<c>state/state.yaml</c>), enough to resume it exactly.</summary>
public sealed record TrainingState
{
    /// <summary>Steps completed.</summary>
    public int Step { get; init; }

    /// <summary>Best validation cost so far.</summary>
    public double BestValidation { get; init; } = double.MaxValue;

    /// <summary>Validation cost of the frozen rollout baseline (rollout only).</summary>
    public double FrozenValidation { get; init; } = double.MaxValue;

    /// <summary>Training seconds so far.</summary>
    public double ElapsedSeconds { get; init; }
}
