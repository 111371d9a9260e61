namespace Scheduler.Graphs.Models;

/// <summary>
/// A named model of the zoo: a language model, optionally fed by a CLIP vision tower through a two-layer MLP
/// (LLaVA's projector, or a drafter's image adapter).
/// </summary>
/// <param name="Name">CLI id, e.g. "llama2-7b-chat".</param>
/// <param name="Description">One line for <c>scheduler models list</c>.</param>
/// <param name="Text">The language model.</param>
/// <param name="Vision">The vision tower, for multimodal models; null for text-only ones.</param>
/// <param name="Projector">Vision features → <see cref="Text"/>'s embedding width; set exactly when
/// <see cref="Vision"/> is.</param>
/// <param name="IsDrafter">True for a small draft model.</param>
/// <param name="Partner">For a drafter its target; for a target its default drafter (spec-step pairs the two).</param>
/// <param name="Source">Where the shape comes from (paper or model card).</param>
public sealed record ModelPreset(
    string Name,
    string Description,
    TransformerConfig Text,
    VisionConfig? Vision,
    AdapterConfig? Projector,
    bool IsDrafter,
    string Partner,
    string Source)
{
    /// <summary>True when prefill runs a vision tower.</summary>
    public bool IsMultimodal => Vision is not null;
}
