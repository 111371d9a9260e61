using Scheduler.Baselines;
using Scheduler.Graphs;
using Scheduler.Topoformer;

namespace Scheduler.Pass;

/// <summary>Every method the CLI and the pass know, by id: baselines, search, exact and Topoformer. (<c>best</c>, the
/// pass itself, is not a member: the CLI runs <see cref="MemorySchedulingPass"/> for it.)</summary>
public static class MethodCatalog
{
    /// <summary>Every method.</summary>
    public static IReadOnlyList<SchedulerDescriptor> Members { get; } = ComposeMembers();

    /// <summary>The default portfolio restricted to the methods this build has.</summary>
    public static IReadOnlyList<string> DefaultPortfolio { get; } =
        PassOptions.DefaultMethods.Where(id => Members.Any(d => d.Name == id)).ToArray();

    /// <summary>Finds a method by id.</summary>
    public static bool TryGet(string name, out SchedulerDescriptor descriptor)
    {
        descriptor = Members.FirstOrDefault(d => d.Name == name)!;
        return descriptor is not null;
    }

    /// <summary>Null when <paramref name="id"/> is a member or one of <paramref name="alsoAccepted"/> (such as
    /// <c>input</c> and <c>best</c>), else the message for it: "unknown method 'locl' (did you mean 'local'?); known
    /// methods: ...".</summary>
    public static string? Problem(string id, IReadOnlyList<string> alsoAccepted)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(alsoAccepted);
        var known = alsoAccepted.Concat(Members.Select(d => d.Name)).Distinct(StringComparer.Ordinal).ToList();
        return known.Contains(id, StringComparer.Ordinal)
            ? null
            : $"unknown method '{id}'{Suggestions.DidYouMean(id, known)}; known methods: {string.Join(", ", known)}";
    }

    private static List<SchedulerDescriptor> ComposeMembers()
    {
        var members = new List<SchedulerDescriptor>(HeuristicCatalog.All);
        // Run alone (not in the pass), search and exact methods start from the best of the cheap heuristics.
        var starts = HeuristicCatalog.All.Where(d => d.Name != "random").Select(d => d.Create(SchedulerSettings.Default)).ToArray();
        members.AddRange(SearchCatalog.Create(starts));
        members.AddRange(TopoformerCatalog.All);
        return members;
    }
}
