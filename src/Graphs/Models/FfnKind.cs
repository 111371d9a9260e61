namespace Scheduler.Graphs.Models;

/// <summary>Shape of the feed-forward block.</summary>
public enum FfnKind
{
    /// <summary>Gated (SwiGLU in Llama): down(act(gate(x)) * up(x)), three matrices.</summary>
    Gated,

    /// <summary>Plain MLP (OPT, CLIP): fc2(act(fc1(x))), two matrices.</summary>
    Plain,
}
