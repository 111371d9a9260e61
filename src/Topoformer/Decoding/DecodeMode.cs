namespace Scheduler.Topoformer.Decoding;

/// <summary>How priorities become an order (docs/DESIGN.md §5).</summary>
public enum DecodeMode
{
    /// <summary>Always the highest-priority ready op (ties: lower index).</summary>
    Greedy,

    /// <summary>Sequential sampling: softmax over the ready ops' logits at every step (the paper's distribution).</summary>
    Sample,

    /// <summary>Gumbel noise added to every priority once, then greedy (the One-Shot variant).</summary>
    Perturbed,

    /// <summary>
    /// Sampling without replacement from the same distribution: stochastic beam search (<see cref="StochasticBeamSampler"/>),
    /// so best-of-K sees K distinct orders. One order alone is one sequential sample (a beam of width 1).
    /// </summary>
    StochasticBeam,
}
