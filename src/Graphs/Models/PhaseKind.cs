namespace Scheduler.Graphs.Models;

/// <summary>The inference or training step a model graph describes (see <see cref="ModelPhase"/>).</summary>
public enum PhaseKind
{
    /// <summary>Process a prompt of <see cref="ModelPhase.Seq"/> tokens with an empty KV cache.</summary>
    Prefill,

    /// <summary>Generate one token with a KV cache of <see cref="ModelPhase.Context"/> tokens.</summary>
    Decode,

    /// <summary>The target checks <see cref="ModelPhase.Draft"/> draft tokens in one causal pass.</summary>
    SpecVerify,

    /// <summary>The drafter's draft decode steps chained, then the target's verify, as one graph.</summary>
    SpecStep,

    /// <summary>The target checks a draft-token tree in one pass with tree attention.</summary>
    TreeVerify,

    /// <summary>One training step over <see cref="ModelPhase.Seq"/> tokens: forward with saved activations, loss,
    /// backward layer by layer in reverse, and a per-parameter optimizer update.</summary>
    TrainStep,
}
