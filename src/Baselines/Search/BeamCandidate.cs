namespace Scheduler.Baselines.Search;

/// <summary>A scored child of a beam state, not yet materialised. Sorts by (peak, live, parent rank, op).</summary>
internal readonly record struct BeamCandidate(long Peak, long Live, int State, int Op, ulong Hash)
    : IComparable<BeamCandidate>
{
    public int CompareTo(BeamCandidate other)
    {
        int c = Peak.CompareTo(other.Peak);
        if (c != 0)
        {
            return c;
        }
        c = Live.CompareTo(other.Live);
        if (c != 0)
        {
            return c;
        }
        c = State.CompareTo(other.State);
        return c != 0 ? c : Op.CompareTo(other.Op);
    }
}
