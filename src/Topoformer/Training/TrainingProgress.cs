namespace Scheduler.Topoformer.Training;

/// <summary>Reported after every step of a <see cref="TopoformerTraining"/> run (and returned at the end).</summary>
/// <param name="Step">Steps done so far (1-based after the first step).</param>
/// <param name="TotalSteps">Configured number of steps.</param>
/// <param name="Phase"><c>imitation</c>, <c>reinforce</c> or <c>expert</c> (REINFORCE with the expert-iteration term).</param>
/// <param name="Metrics">What the step measured.</param>
/// <param name="ValidationCost">Mean greedy peak / lower bound on the validation set, when validated at this step.</param>
/// <param name="BestValidationCost">Best validation cost so far (the shipped weights).</param>
/// <param name="Elapsed">Training time so far, resumes included.</param>
public sealed record TrainingProgress(
    int Step, int TotalSteps, string Phase, StepMetrics Metrics, double? ValidationCost, double BestValidationCost, TimeSpan Elapsed);
