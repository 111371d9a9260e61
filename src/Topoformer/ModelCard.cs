namespace Scheduler.Topoformer;

/// <summary>
/// The YAML beside a checkpoint's weights (<c>model.yaml</c>): the hyperparameters needed to rebuild the network and
/// free-form training provenance (config file, steps, seed, time, validation score).
/// </summary>
public sealed record ModelCard
{
    /// <summary>Format version of this card.</summary>
    public int Version { get; init; } = 1;

    /// <summary>The network's hyperparameters and feature set.</summary>
    public TopoformerOptions Options { get; init; } = new();

    /// <summary>How the weights were made (key → value, written in order).</summary>
    public Dictionary<string, string> Provenance { get; init; } = [];
}
