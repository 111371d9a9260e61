namespace Scheduler.Topoformer.Training;

/// <summary>
/// The points between the writes of a training run where a kill can leave the output folder. Tests stop a run at
/// each of them (<see cref="TopoformerTraining"/>'s internal hook) and check that <c>--resume</c> ends where an
/// uninterrupted run does; the order of the writes is what makes that true, so it is listed here once.
/// </summary>
internal enum TrainingPhase
{
    /// <summary>A step's row was appended to metrics.csv (not yet covered by a commit).</summary>
    MetricsRowAppended,

    /// <summary>A better validation wrote the shipped <c>model.bin</c>, not yet its card.</summary>
    BestWeightsWritten,

    /// <summary>The shipped checkpoint (weights and card) is written; the state that records it is not committed.</summary>
    BestCheckpointWritten,

    /// <summary>A new state folder holds its weights and card but not the rest.</summary>
    StateFolderPartial,

    /// <summary>A new state folder is complete; <c>state/current</c> still names the old one.</summary>
    StateFolderWritten,

    /// <summary><c>state/current</c> names the new folder (the commit); older folders are still there.</summary>
    StateCommitted,

    /// <summary>Older state folders are removed.</summary>
    OldStateRemoved,
}
