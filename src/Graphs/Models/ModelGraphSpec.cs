namespace Scheduler.Graphs.Models;

/// <summary>A model graph to build: a preset name, a phase and the storage options (an entry of
/// <see cref="ModelZoo.DefaultCompareSet"/>).</summary>
/// <param name="Preset">A name from <see cref="ModelZoo.Presets"/>.</param>
/// <param name="Phase">The phase and its sizes.</param>
/// <param name="Options">Views and in-place KV writes (<see cref="ModelGraphOptions"/>); null is
/// <see cref="ModelGraphOptions.Default"/>.</param>
public sealed record ModelGraphSpec(string Preset, ModelPhase Phase, ModelGraphOptions? Options = null)
{
    /// <summary>Graph name, e.g. "llama2-7b-chat-decode-c1024" or "llama2-7b-chat-decode-c1024-kv-in-place".</summary>
    public string Name => $"{Preset}-{Phase.Label}{(Options ?? ModelGraphOptions.Default).Suffix}";

    /// <summary>Builds the graph (see <see cref="ModelZoo.Build(string, ModelPhase, int, ModelGraphOptions)"/>).</summary>
    /// <exception cref="ArgumentException">The preset is unknown or a size is out of range.</exception>
    public ComputationGraph Build(int dtypeBytes = ModelZoo.DefaultDtypeBytes)
        => ModelZoo.Build(Preset, Phase, dtypeBytes, Options ?? ModelGraphOptions.Default);
}
