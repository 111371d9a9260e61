namespace Scheduler.Graphs.Arena;

/// <summary>
/// Greedy by size (Pisarchyk &amp; Lee, "Efficient Memory Management for Deep Neural Net Inference", 2020; TensorFlow
/// Lite's <c>GreedyMemoryPlanner</c>): take blocks largest first (ties: the earlier first step, then block order) and put
/// each at the lowest aligned offset where it overlaps no placed block live at a common step. O(B²) for B blocks.
/// </summary>
/// <remarks>A chain of same-size blocks with disjoint lifetimes lands at offset 0 repeatedly, so a chain needs no more than
/// its peak. On branchy graphs it can leave gaps that greedy by breadth or CP-SAT close (layered-100-003: 57,904 B
/// against a peak of 56,456 B that greedy by breadth reaches; docs/results/arena.md).</remarks>
public sealed class GreedyBySizeOffsets : IOffsetStrategy
{
    /// <summary>The strategy (it has no state).</summary>
    public static GreedyBySizeOffsets Instance { get; } = new();

    /// <inheritdoc/>
    public string Name => "greedy-size";

    /// <inheritdoc/>
    public OffsetAssignment Assign(ArenaProblem problem, OffsetAssignment? incumbent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var size = problem.Size;
        var first = problem.First;
        var byOrder = new int[problem.Count];
        for (int b = 0; b < byOrder.Length; b++)
        {
            byOrder[b] = b;
        }
        Array.Sort(byOrder, (x, y) =>
        {
            int c = size[y].CompareTo(size[x]);
            c = c != 0 ? c : first[x].CompareTo(first[y]);
            return c != 0 ? c : x.CompareTo(y);
        });
        var placed = new PlacedBlocks(problem);
        foreach (int b in byOrder)
        {
            placed.Place(b, placed.FirstFit(b));
        }
        return OffsetAssignment.Of(Name, problem, placed.Offsets);
    }
}
