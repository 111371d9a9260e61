using Scheduler.Graphs;
using Scheduler.Pass;

namespace Scheduler.Build.Planner;

/// <summary>A finished plan: the pass's choice for one graph and the arena offsets for its order.</summary>
/// <param name="Request">What was asked.</param>
/// <param name="Graph">The graph as read.</param>
/// <param name="Result">What the pass chose and tried.</param>
/// <param name="Arena">Offsets of every tensor in one arena for <see cref="PassResult.Best"/>'s order.</param>
public sealed record BuildPlan(PlanRequest Request, ComputationGraph Graph, PassResult Result, ArenaPlan Arena)
{
    /// <summary>The largest of the working-set, cut and closure bounds under the plan's memory model.</summary>
    public long LowerBoundBytes => Math.Max(Result.WorkingSetBound, Math.Max(Result.CutBound, Result.ClosureBound));
}
