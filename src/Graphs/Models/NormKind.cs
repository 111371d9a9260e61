namespace Scheduler.Graphs.Models;

/// <summary>Which normalisation a transformer uses (one op per norm either way; only the weight count differs).</summary>
public enum NormKind
{
    /// <summary>RMSNorm (Llama): a scale vector, no bias.</summary>
    RmsNorm,

    /// <summary>LayerNorm (OPT, CLIP): a scale and a bias vector.</summary>
    LayerNorm,
}
