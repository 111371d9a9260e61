namespace Scheduler.Graphs;

/// <summary>Thrown when a graph that must be acyclic has a cycle; carries the file ids of the ops on one cycle.</summary>
public sealed class CycleException : Exception
{
    /// <summary>Creates the exception for the given cycle (file ids, in cycle order).</summary>
    public CycleException(IReadOnlyList<long> cycleIds, IReadOnlyList<string> cycleNames)
        : base(Describe(cycleIds, cycleNames))
    {
        CycleIds = cycleIds;
    }

    /// <summary>File ids of the ops on one cycle, in order; the last has an edge back to the first.</summary>
    public IReadOnlyList<long> CycleIds { get; }

    private static string Describe(IReadOnlyList<long> ids, IReadOnlyList<string> names)
    {
        var parts = new string[ids.Count + 1];
        for (int i = 0; i < ids.Count; i++)
        {
            parts[i] = string.IsNullOrEmpty(names[i]) || names[i] == ids[i].ToString(System.Globalization.CultureInfo.InvariantCulture)
                ? ids[i].ToString(System.Globalization.CultureInfo.InvariantCulture)
                : $"{ids[i]} ({names[i]})";
        }
        parts[^1] = ids[0].ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"The graph has a cycle: {string.Join(" -> ", parts)}.";
    }
}
