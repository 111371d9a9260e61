namespace Scheduler.Graphs;

// The buffer-level steps of MemorySimulator under views and/or in-place reuse (see the type's remarks in
// MemorySimulator.cs); the default model never reaches them.
public sealed partial class MemorySimulator
{
    /// <summary>One step under views and/or in-place reuse: choose donors, hand each donated buffer to its output's
    /// class, then count down every input buffer and free those with no use left.</summary>
    private long ExecuteStorage(int op, Span<int> donors, List<int>? ended)
    {
        var classes = _classes!;
        var outputs = _graph.Outputs(op);
        Span<int> given = outputs.Length <= 16 ? stackalloc int[outputs.Length] : new int[outputs.Length];
        long reused = _inPlaceOps is not null && _inPlaceOps[op] ? FindDonors(op, given) : NoDonors(given);
        long step = LiveBytes + classes.Allocated[op] - reused;
        PeakBytes = Math.Max(PeakBytes, step);
        for (int k = 0; k < outputs.Length; k++)
        {
            int o = outputs[k];
            if (given[k] >= 0)
            {
                int buffer = _storageOf[classes.Root[given[k]]];
                _storageOf[o] = buffer;
                _storageUses[buffer] += classes.Uses[o];
                _storagePinned[buffer] = classes.Pinned[o];
            }
            else if (classes.IsView(o))
            {
                given[k] = _graph.AliasOf(o);
            }
        }
        long freed = 0;
        foreach (int t in _graph.Inputs(op))
        {
            int buffer = _storageOf[classes.Root[t]];
            if (--_storageUses[buffer] == 0 && !_storagePinned[buffer])
            {
                freed += _graph.TensorSize(buffer);
                ended?.Add(buffer);
            }
        }
        for (int k = 0; k < outputs.Length; k++)
        {
            int o = outputs[k];
            if (!classes.IsView(o) && _storageOf[o] == o && _storageUses[o] == 0 && !_storagePinned[o])
            {
                freed += _graph.TensorSize(o);
                ended?.Add(o);
            }
        }
        LiveBytes = step - freed;
        if (!donors.IsEmpty)
        {
            given.CopyTo(donors);
        }
        return step;
    }

    /// <summary><see cref="FreedBy"/> under views and/or in-place reuse, without changing any state: a buffer is freed
    /// when the uses it has left are all reads by this op (plus, for a donated buffer, the uses of the class it is
    /// handed to, which must be none) and it is not pinned.</summary>
    private long FreedStorage(int op)
    {
        var classes = _classes!;
        var outputs = _graph.Outputs(op);
        var inputs = _graph.Inputs(op);
        Span<int> given = outputs.Length <= 16 ? stackalloc int[outputs.Length] : new int[outputs.Length];
        if (_inPlaceOps is not null && _inPlaceOps[op])
        {
            FindDonors(op, given);
        }
        else
        {
            NoDonors(given);
        }
        for (int k = 0; k < given.Length; k++)
        {
            given[k] = given[k] < 0 ? -1 : _storageOf[classes.Root[given[k]]];
        }
        long freed = 0;
        for (int i = 0; i < inputs.Length; i++)
        {
            int buffer = _storageOf[classes.Root[inputs[i]]];
            if (FirstInputOf(inputs, i, buffer))
            {
                int reads = ReadsOf(inputs, buffer);
                int heir = given.IndexOf(buffer) is int k && k >= 0 ? outputs[k] : -1;
                int usesLeft = _storageUses[buffer] - reads + (heir >= 0 ? classes.Uses[heir] : 0);
                bool pinned = heir >= 0 ? classes.Pinned[heir] : _storagePinned[buffer];
                freed += usesLeft == 0 && !pinned ? _graph.TensorSize(buffer) : 0;
            }
        }
        for (int k = 0; k < outputs.Length; k++)
        {
            int o = outputs[k];
            bool own = !classes.IsView(o) && given[k] < 0;
            freed += own && classes.Uses[o] == 0 && !classes.Pinned[o] ? _graph.TensorSize(o) : 0;
        }
        return freed;
    }

    private bool FirstInputOf(ReadOnlySpan<int> inputs, int index, int buffer)
    {
        for (int j = 0; j < index; j++)
        {
            if (_storageOf[_classes!.Root[inputs[j]]] == buffer)
            {
                return false;
            }
        }
        return true;
    }

    private int ReadsOf(ReadOnlySpan<int> inputs, int buffer)
    {
        int reads = 0;
        foreach (int t in inputs)
        {
            reads += _storageOf[_classes!.Root[t]] == buffer ? 1 : 0;
        }
        return reads;
    }

    private static long NoDonors(Span<int> given)
    {
        given.Fill(-1);
        return 0;
    }

    /// <summary>The in-place rule (see the type's remarks): matches outputs that allocate to dying buffers of their size,
    /// greedily in slot and input order; writes into <paramref name="donors"/> (empty, or one slot per output: -1 or the
    /// input whose buffer the output takes) the buffer's input tensor, and returns the bytes reused. A buffer dies here
    /// when its one use left is this op's read and it is not pinned.</summary>
    private long FindDonors(int op, Span<int> donors)
    {
        var classes = _classes!;
        var outputs = _graph.Outputs(op);
        var inputs = _graph.Inputs(op);
        Span<int> chosen = outputs.Length <= 16 ? stackalloc int[outputs.Length] : new int[outputs.Length];
        Span<int> buffers = outputs.Length <= 16 ? stackalloc int[outputs.Length] : new int[outputs.Length];
        long reused = 0;
        for (int k = 0; k < outputs.Length; k++)
        {
            long size = _graph.TensorSize(outputs[k]);
            chosen[k] = buffers[k] = -1;
            if (size == 0 || classes.IsView(outputs[k]))
            {
                continue;
            }
            foreach (int t in inputs)
            {
                int buffer = _storageOf[classes.Root[t]];
                if (_storageUses[buffer] == 1 && !_storagePinned[buffer] && _graph.TensorSize(buffer) == size
                    && buffers[..k].IndexOf(buffer) < 0)
                {
                    chosen[k] = t;
                    buffers[k] = buffer;
                    reused += size;
                    break;
                }
            }
        }
        if (!donors.IsEmpty)
        {
            chosen.CopyTo(donors);
        }
        return reused;
    }
}
