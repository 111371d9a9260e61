namespace Scheduler.Topoformer.Training;

/// <summary>
/// One stage of a size curriculum (YAML list <c>curriculum</c>): for <see cref="Steps"/> steps the training graphs
/// have <see cref="NodesMin"/>..<see cref="NodesMax"/> ops; the family and densities stay those of
/// <c>train_graphs</c>. Stages run in list order from step 1; after the last one its sizes stay in force.
/// </summary>
public sealed record CurriculumStage
{
    /// <summary>Steps this stage lasts (imitation steps count as steps).</summary>
    public int Steps { get; init; } = 1;

    /// <summary>Smallest node count (inclusive).</summary>
    public int NodesMin { get; init; } = 50;

    /// <summary>Largest node count (inclusive).</summary>
    public int NodesMax { get; init; } = 300;

    /// <summary>Problems with the values, each naming its key under <paramref name="section"/> (<c>curriculum[2]</c>).</summary>
    public IEnumerable<(string Key, string Message)> Problems(string section)
    {
        if (TrainingConfig.Ranges.Steps.Problem(Steps) is string problem)
        {
            yield return ($"{section}.steps", problem);
        }
        if (GraphSetSpec.SizeProblem(NodesMin, NodesMax) is string size)
        {
            yield return ($"{section}.nodes_min", size);
        }
    }
}
