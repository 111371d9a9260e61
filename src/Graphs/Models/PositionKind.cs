namespace Scheduler.Graphs.Models;

/// <summary>How token positions enter the model.</summary>
public enum PositionKind
{
    /// <summary>Rotary embeddings applied to q and k in every layer (Llama); no weights.</summary>
    Rotary,

    /// <summary>A learned position table added to the token embeddings once (OPT, CLIP).</summary>
    Learned,
}
