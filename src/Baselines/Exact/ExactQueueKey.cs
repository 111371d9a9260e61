namespace Scheduler.Baselines.Exact;

/// <summary>
/// Priority of a state in the exact search: lowest peak key first; among equal keys the deepest state first (so the
/// search dives to a complete order instead of widening a plateau), then the oldest id, for determinism.
/// </summary>
internal readonly record struct ExactQueueKey(long Key, int Depth, int Id) : IComparable<ExactQueueKey>
{
    public int CompareTo(ExactQueueKey other)
    {
        int c = Key.CompareTo(other.Key);
        if (c != 0)
        {
            return c;
        }
        c = other.Depth.CompareTo(Depth);
        return c != 0 ? c : Id.CompareTo(other.Id);
    }
}
