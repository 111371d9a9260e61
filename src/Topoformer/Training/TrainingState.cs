using Scheduler.Graphs;

namespace Scheduler.Topoformer.Training;

/// <summary>Where a run stands (<c>state.yaml</c> of the committed state folder, see <see cref="TrainingStateStore"/>);
/// with the folder's weights, optimiser and RNG files, enough to resume it exactly.</summary>
public sealed record TrainingState
{
    /// <summary>Steps completed; also the number of metrics.csv rows the state covers.</summary>
    public int Step { get; init; }

    /// <summary>Best validation cost so far.</summary>
    public double BestValidation { get; init; } = double.MaxValue;

    /// <summary>Validation cost of the frozen rollout baseline (rollout only).</summary>
    public double FrozenValidation { get; init; } = double.MaxValue;

    /// <summary>Training seconds so far.</summary>
    public double ElapsedSeconds { get; init; }

    /// <summary>Problems with the values (a file edited by hand or damaged), each naming its key.</summary>
    public IEnumerable<(string Key, string Message)> Problems()
    {
        var checks = new (string Key, double Value, ValueRange Range)[]
        {
            ("step", Step, ValueRange.Integers(0, int.MaxValue)),
            ("best_validation", BestValidation, ValueRange.Numbers(0, double.MaxValue)),
            ("frozen_validation", FrozenValidation, ValueRange.Numbers(0, double.MaxValue)),
            ("elapsed_seconds", ElapsedSeconds, ValueRange.Numbers(0, 1e12)),
        };
        foreach (var (key, value, range) in checks)
        {
            if (range.Problem(value) is string problem)
            {
                yield return (key, problem);
            }
        }
    }
}
