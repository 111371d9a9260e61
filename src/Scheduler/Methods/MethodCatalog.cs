using Scheduler.Baselines;
using Scheduler.Graphs;
using Scheduler.Pass;
using Scheduler.Topoformer;

namespace Scheduler.Methods;

/// <summary>Every method the CLI and the pass know, by id: baselines, search, exact, Topoformer, and <c>best</c>.</summary>
public static class MethodCatalog
{
    /// <summary>All methods except <c>best</c>.</summary>
    public static IReadOnlyList<SchedulerDescriptor> Members { get; } = ComposeMembers();

    /// <summary>The default portfolio restricted to the methods this build has.</summary>
    public static IReadOnlyList<string> DefaultPortfolio { get; } =
        PassOptions.DefaultMethods.Where(id => Members.Any(d => d.Name == id)).ToArray();

    /// <summary>All methods, <c>best</c> last.</summary>
    public static IReadOnlyList<SchedulerDescriptor> All { get; } =
    [
        .. Members,
        new SchedulerDescriptor("best", "The pass's portfolio: every method within the time budget, lowest verified peak (input wins ties)", "portfolio",
            s => new PortfolioScheduler(Members, PassOptions.Default with { Methods = DefaultPortfolio, Seed = s.Seed, Samples = s.Samples, ModelPath = s.ModelPath, BeamWidth = s.BeamWidth, TimeBudget = s.TimeLimit ?? PassOptions.Default.TimeBudget })),
    ];

    /// <summary>Finds a method by id.</summary>
    public static bool TryGet(string name, out SchedulerDescriptor descriptor)
    {
        descriptor = All.FirstOrDefault(d => d.Name == name)!;
        return descriptor is not null;
    }

    private static List<SchedulerDescriptor> ComposeMembers()
    {
        var members = new List<SchedulerDescriptor>(HeuristicCatalog.All);
        // Search and exact methods start from (and are hinted with) the best of the cheap heuristics.
        var starts = HeuristicCatalog.All.Where(d => d.Name != "random").Select(d => d.Create(SchedulerSettings.Default)).ToArray();
        members.AddRange(SearchCatalog.Create(starts));
        members.AddRange(TopoformerCatalog.All);
        return members;
    }
}
