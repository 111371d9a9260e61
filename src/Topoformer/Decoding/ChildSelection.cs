namespace Scheduler.Topoformer.Decoding;

/// <summary>A candidate child of a kept prefix: its perturbed score, log-probability, parent slot and ready index.</summary>
internal readonly record struct Child(double Score, double LogProbability, int Parent, int ReadyIndex)
{
    /// <summary>True when this child ranks before <paramref name="other"/>: higher score, then lower parent slot, then
    /// lower ready index (a total order, so selection is deterministic).</summary>
    public bool Before(Child other)
        => Score > other.Score || (Score == other.Score && (Parent < other.Parent || (Parent == other.Parent && ReadyIndex < other.ReadyIndex)));
}

/// <summary>The k best children of one step (a min-heap on <see cref="Child.Before"/>), plus scratch space for the
/// scores of one parent's children.</summary>
internal sealed class ChildSelection(int width)
{
    private readonly List<Child> _heap = new(width);
    private double[] _scratch = new double[16];

    /// <summary>True when k children are held.</summary>
    public bool IsFull => _heap.Count == width;

    /// <summary>The score of the worst child held (meaningful when <see cref="IsFull"/>).</summary>
    public double Threshold => _heap[0].Score;

    /// <summary>Forgets every child.</summary>
    public void Clear() => _heap.Clear();

    /// <summary>A buffer of at least <paramref name="length"/> doubles, reused across calls.</summary>
    public double[] Scratch(int length)
    {
        if (_scratch.Length < length)
        {
            _scratch = new double[Math.Max(length, 2 * _scratch.Length)];
        }
        return _scratch;
    }

    /// <summary>Keeps the child when fewer than k are held or it ranks before the worst one.</summary>
    public void Offer(double score, double logProbability, int parent, int readyIndex)
    {
        var child = new Child(score, logProbability, parent, readyIndex);
        if (_heap.Count < width)
        {
            _heap.Add(child);
            SiftUp(_heap.Count - 1);
        }
        else if (child.Before(_heap[0]))
        {
            _heap[0] = child;
            SiftDown(0);
        }
    }

    /// <summary>The children held, best first.</summary>
    public List<Child> Sorted()
    {
        var sorted = new List<Child>(_heap);
        sorted.Sort((a, b) => a.Before(b) ? -1 : b.Before(a) ? 1 : 0);
        return sorted;
    }

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            int parent = (i - 1) / 2;
            if (!_heap[parent].Before(_heap[i]))
            {
                return;
            }
            (_heap[parent], _heap[i]) = (_heap[i], _heap[parent]);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            int worst = i, left = 2 * i + 1, right = left + 1;
            if (left < _heap.Count && _heap[worst].Before(_heap[left]))
            {
                worst = left;
            }
            if (right < _heap.Count && _heap[worst].Before(_heap[right]))
            {
                worst = right;
            }
            if (worst == i)
            {
                return;
            }
            (_heap[worst], _heap[i]) = (_heap[i], _heap[worst]);
            i = worst;
        }
    }
}
