namespace Scheduler.Pass.Adaptive;

/// <summary>What the adaptive portfolio decided about one method on one graph, and what it then saw.</summary>
/// <param name="Method">Method id.</param>
/// <param name="SampledGain">The episode's draw of the method's mean gain (fraction of the start peak).</param>
/// <param name="Gap">The gap still open to the lower bound when the method's stage began (the gain's cap).</param>
/// <param name="SampledCost">The cost it predicted: the budget times the drawn cost ratio (reference ms).</param>
/// <param name="Ran">True when the stop rule let it run.</param>
/// <param name="Gain">Its credit, when it ran and finished (null otherwise): what it added over its start and the cheaper
/// methods of its stage (<see cref="StageCredit"/>).</param>
/// <param name="Cost">The cost it reported (reference ms), when it ran and finished.</param>
public sealed record AdaptiveDecision(string Method, double SampledGain, double Gap, double SampledCost, bool Ran,
    double? Gain = null, double? Cost = null);
