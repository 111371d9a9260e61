namespace Scheduler.Graphs.Arena;

/// <summary>
/// Greedy by breadth (Pisarchyk &amp; Lee 2020, the "greedy by breadth" offset strategy of TensorFlow Lite's GPU
/// delegate): take the steps in order of their live bytes, largest first (ties: the earlier step), and at each place its
/// not yet placed live blocks, largest first (ties: block order), in the smallest gap between already placed blocks live
/// with it that holds the block, or above them all when none does (best fit). O(S log S + B²) for S steps.
/// </summary>
/// <remarks>Placing the widest step first packs the peak step tightly, which greedy by size can miss when the peak's
/// blocks are not the largest ones; the price is that the narrow steps' large blocks come late and may find only the
/// top. Neither greedy dominates on the bundled graphs: this one wins on vit_b_16 with in-place reuse, greedy by size on
/// inception_v3 with in-place reuse (8,358,784 B, the peak, against 10,064,064 B; docs/results/arena.md).</remarks>
public sealed class GreedyByBreadthOffsets : IOffsetStrategy
{
    /// <summary>The strategy (it has no state).</summary>
    public static GreedyByBreadthOffsets Instance { get; } = new();

    /// <inheritdoc/>
    public string Name => "greedy-breadth";

    /// <inheritdoc/>
    public OffsetAssignment Assign(ArenaProblem problem, OffsetAssignment? incumbent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var (size, first, last) = (problem.Size, problem.First, problem.Last);
        // Blocks live at each step, and each step's live bytes, by one pass over the lifetimes.
        var liveAt = new List<int>[problem.Steps];
        var breadth = new long[problem.Steps];
        for (int s = 0; s < liveAt.Length; s++)
        {
            liveAt[s] = [];
        }
        for (int b = 0; b < problem.Count; b++)
        {
            for (int s = first[b]; s <= last[b]; s++)
            {
                liveAt[s].Add(b);
                breadth[s] = checked(breadth[s] + size[b]);
            }
        }
        var steps = new int[problem.Steps];
        for (int s = 0; s < steps.Length; s++)
        {
            steps[s] = s;
        }
        Array.Sort(steps, (x, y) => breadth[y] != breadth[x] ? breadth[y].CompareTo(breadth[x]) : x.CompareTo(y));
        var placed = new PlacedBlocks(problem);
        var done = new bool[problem.Count];
        foreach (int s in steps)
        {
            var blocks = liveAt[s];
            blocks.Sort((x, y) => size[y] != size[x] ? size[y].CompareTo(size[x]) : x.CompareTo(y));
            foreach (int b in blocks)
            {
                if (!done[b])
                {
                    placed.Place(b, placed.BestFit(b));
                    done[b] = true;
                }
            }
        }
        return OffsetAssignment.Of(Name, problem, placed.Offsets);
    }
}
