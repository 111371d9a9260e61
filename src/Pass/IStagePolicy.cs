using Scheduler.Graphs;

namespace Scheduler.Pass;

/// <summary>
/// Chooses which methods of a stage run (<see cref="MemorySchedulingPass"/> runs them all; the adaptive portfolio
/// runs those whose sampled gain is worth their sampled cost) and sees what they did, so one staged loop serves both.
/// </summary>
internal interface IStagePolicy
{
    /// <summary>The message the method in <paramref name="slot"/>, not chosen, is skipped with.</summary>
    string WhySkipped(int slot);

    /// <summary>The slots of <paramref name="slots"/> to run (ascending), every one starting from <paramref name="start"/>.</summary>
    IReadOnlyList<int> Choose(PortfolioRun run, IReadOnlyList<int> slots, StartOrder start);

    /// <summary>Called after the chosen slots ran (their results are in <see cref="PortfolioRun.Slots"/>).</summary>
    void Observe(PortfolioRun run, IReadOnlyList<int> ran, StartOrder start);
}

/// <summary>The pass's policy: every method of every stage runs.</summary>
internal sealed class StagePolicy : IStagePolicy
{
    /// <summary>The one instance.</summary>
    public static StagePolicy All { get; } = new();

    /// <inheritdoc/>
    public string WhySkipped(int slot) => "not chosen";

    /// <inheritdoc/>
    public IReadOnlyList<int> Choose(PortfolioRun run, IReadOnlyList<int> slots, StartOrder start) => slots;

    /// <inheritdoc/>
    public void Observe(PortfolioRun run, IReadOnlyList<int> ran, StartOrder start)
    {
    }
}
