namespace Scheduler.Pass.Adaptive;

/// <summary>
/// Settings of <see cref="AdaptivePortfolio"/>: the seed of its draws, the price of work in the stop rule, and the
/// priors. The defaults are what <c>scheduler compare --adaptive</c> uses.
/// </summary>
public sealed record AdaptiveOptions
{
    /// <summary>Defaults.</summary>
    public static AdaptiveOptions Default { get; } = new();

    /// <summary>Seed of every Thompson draw (the CLI binds <c>--seed</c> to it).</summary>
    public int Seed { get; init; }

    /// <summary>
    /// The stop rule's exchange rate: the fraction of the peak that one reference second of work
    /// (<see cref="MethodCost"/>) must buy. A method runs when its sampled gain, capped at the gap still open to the
    /// lower bound, is at least this times its sampled cost in seconds. Default 0.0025: a method costing 4 reference
    /// seconds must be expected to save 1 % of the peak (docs/results/adaptive.md: 0.005 saved more time but lost
    /// 1.1 % of peak on one stream order, mostly by preferring <c>local@0.1</c> to <c>local</c>).
    /// </summary>
    public double PricePerSecond { get; init; } = 0.0025;

    /// <summary>Prior of a method's mean gain (fraction of the start peak): location 3 %, worth one observation, spread
    /// about 3 % (β/α = 0.001). Optimistic, so a method is tried before the data speak against it.</summary>
    public NormalGamma GainPrior { get; init; } = new(0.03, 1, 1, 0.001);

    /// <summary>Prior of a method's mean log cost ratio (ln of reported over budgeted cost): location 0 (the budget is
    /// spent), worth one observation, spread about a factor e.</summary>
    public NormalGamma LogCostPrior { get; init; } = new(0, 1, 1, 1);

    /// <summary>
    /// Cheaper variants the portfolio may run instead of a method: (method id, effort multiplier), run as
    /// <c>ID@EFFORT</c> with that method's work budgets scaled. A method and its variants are alternatives: at most one
    /// of them runs on a graph, the one whose sampled gain minus priced cost is largest. Default: <c>local@0.1</c>
    /// (a tenth of the moves; on large layered graphs nearly all of local's gain comes in its first descents).
    /// </summary>
    public IReadOnlyList<(string Method, double Effort)> Variants { get; init; } = [("local", 0.1)];

    /// <summary>At most this many observations of a method's gain on other classes shape its gain prior on a class
    /// (default 2). Costs are not pooled.</summary>
    public double PoolWeight { get; init; } = 2;
}
