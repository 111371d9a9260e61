namespace Scheduler.Baselines.Exact;

/// <summary>
/// The open list of the exact search: a 4-ary min-heap of <see cref="ExactQueueKey"/> (which carries the state's id,
/// so an entry is 16 bytes, against 24 for <see cref="PriorityQueue{TElement,TPriority}"/> holding the id beside it).
/// Four children per node halve the levels a pop walks down, and the open list of a 200-op proof holds millions of
/// entries, so fewer levels mean fewer cache misses.
/// </summary>
internal sealed class ExactQueue
{
    private ExactQueueKey[] _heap = new ExactQueueKey[1024];

    public int Count { get; private set; }

    public void Enqueue(ExactQueueKey entry)
    {
        if (Count == _heap.Length)
        {
            Array.Resize(ref _heap, checked(_heap.Length * 2));
        }
        int i = Count++;
        while (i > 0)
        {
            int parent = (i - 1) >> 2;
            if (_heap[parent].CompareTo(entry) <= 0)
            {
                break;
            }
            _heap[i] = _heap[parent];
            i = parent;
        }
        _heap[i] = entry;
    }

    public bool TryDequeue(out ExactQueueKey entry)
    {
        if (Count == 0)
        {
            entry = default;
            return false;
        }
        entry = _heap[0];
        var last = _heap[--Count];
        int i = 0;
        while (true)
        {
            int first = (i << 2) + 1;
            if (first >= Count)
            {
                break;
            }
            int best = first;
            int end = Math.Min(first + 4, Count);
            for (int c = first + 1; c < end; c++)
            {
                if (_heap[c].CompareTo(_heap[best]) < 0)
                {
                    best = c;
                }
            }
            if (last.CompareTo(_heap[best]) <= 0)
            {
                break;
            }
            _heap[i] = _heap[best];
            i = best;
        }
        _heap[i] = last;
        return true;
    }
}
