namespace Scheduler.Graphs.Models;

/// <summary>A model graph to build: a preset name and a phase (an entry of <see cref="ModelZoo.DefaultCompareSet"/>).</summary>
/// <param name="Preset">A name from <see cref="ModelZoo.Presets"/>.</param>
/// <param name="Phase">The phase and its sizes.</param>
public sealed record ModelGraphSpec(string Preset, ModelPhase Phase)
{
    /// <summary>Graph name, e.g. "llama2-7b-chat-decode-c1024".</summary>
    public string Name => $"{Preset}-{Phase.Label}";

    /// <summary>Builds the graph (see <see cref="ModelZoo.Build(string, ModelPhase, int)"/>).</summary>
    /// <exception cref="ArgumentException">The preset is unknown or a size is out of range.</exception>
    public ComputationGraph Build(int dtypeBytes = ModelZoo.DefaultDtypeBytes) => ModelZoo.Build(Preset, Phase, dtypeBytes);
}
