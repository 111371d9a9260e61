namespace Scheduler.Topoformer.Training;

/// <summary>What one optimiser step measured (means over the step's graphs).</summary>
/// <param name="Loss">The loss that was minimised.</param>
/// <param name="SampleCost">Mean peak / lower bound of the sampled orders (imitation: of the teacher orders).</param>
/// <param name="BaselineCost">Mean REINFORCE baseline (imitation: 0).</param>
/// <param name="GreedyCost">Mean peak / lower bound of the current network's greedy orders.</param>
/// <param name="GradNorm">Global gradient norm before clipping.</param>
/// <param name="BestSampleCost">Expert steps: mean cost of each graph's best sample (the search's start); else null.</param>
/// <param name="ExpertCost">Expert steps: mean cost of the improved orders (the imitation targets); else null.</param>
public sealed record StepMetrics(double Loss, double SampleCost, double BaselineCost, double GreedyCost, double GradNorm,
    double? BestSampleCost = null, double? ExpertCost = null);
