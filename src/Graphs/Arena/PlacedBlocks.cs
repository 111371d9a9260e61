namespace Scheduler.Graphs.Arena;

/// <summary>
/// The blocks a greedy strategy has placed so far, kept sorted by offset, and the two ways to pick a gap for the next
/// block among those live at a common step with it: the lowest that fits (<see cref="FirstFit"/>) and the smallest
/// that fits (<see cref="BestFit"/>). Each pick scans the placed blocks once: O(B) per block, O(B²) a plan.
/// </summary>
internal sealed class PlacedBlocks(ArenaProblem problem)
{
    private readonly List<int> _byOffset = new(problem.Count);
    private readonly long[] _offsets = new long[problem.Count];

    /// <summary>The offsets so far (blocks not yet placed read 0).</summary>
    public long[] Offsets => _offsets;

    /// <summary>The lowest aligned offset where block <paramref name="b"/> overlaps no placed block live with it.</summary>
    public long FirstFit(int b)
    {
        long candidate = 0;
        foreach (int p in _byOffset)
        {
            if (!Conflicts(p, b))
            {
                continue;
            }
            if (_offsets[p] >= candidate + problem.Size[b])
            {
                break;
            }
            candidate = Math.Max(candidate, problem.Align(_offsets[p] + problem.Size[p]));
        }
        return candidate;
    }

    /// <summary>The aligned start of the smallest gap between placed blocks live with <paramref name="b"/> that holds it
    /// (ties: the lowest); when none does, just above the highest of them.</summary>
    public long BestFit(int b)
    {
        long start = 0, best = -1, bestGap = long.MaxValue;
        foreach (int p in _byOffset)
        {
            if (!Conflicts(p, b))
            {
                continue;
            }
            long gap = _offsets[p] - start;
            if (gap >= problem.Size[b] && gap < bestGap)
            {
                (best, bestGap) = (start, gap);
            }
            start = Math.Max(start, problem.Align(_offsets[p] + problem.Size[p]));
        }
        return best >= 0 ? best : start;
    }

    /// <summary>Puts block <paramref name="b"/> at <paramref name="offset"/>.</summary>
    public void Place(int b, long offset)
    {
        _offsets[b] = offset;
        int at = _byOffset.Count;
        while (at > 0 && _offsets[_byOffset[at - 1]] > offset)
        {
            at--;
        }
        _byOffset.Insert(at, b);
    }

    private bool Conflicts(int p, int b) => problem.Size[p] > 0 && problem.OverlapInTime(p, b);
}
