namespace Scheduler.Graphs.Models;

/// <summary>
/// Reverse-mode differentiation over the op graph, as PyTorch autograd records it: every differentiable forward op
/// pushes a backward rule on a tape; <see cref="Backward"/> replays the tape in reverse, each rule emitting gradient ops
/// that read the forward tensors it saved (so those activations stay live until then, docs/DESIGN.md §2). Gradients reaching
/// the same tensor from several consumers are summed as they arrive (autograd's InputBuffer accumulation). Only tensors
/// that depend on a trainable parameter get gradients, so frozen parts (a vision tower) emit none.
/// <para>
/// Optimizer (our choice, see datasets/models/README.md): one AdamW update op per parameter consumes its whole
/// gradient, the weight and its two moment buffers (resident inputs, same dtype: pure low-precision training), and
/// writes them in place (a 0-byte output), so the gradient is freed by the update. The updates are emitted after the whole backward pass — the order of
/// <c>loss.backward(); optimizer.step()</c> — and a control edge orders each update after every backward op that reads
/// the old weight (an in-place write must follow its readers); forward readers already precede it through the
/// gradient. A scheduler may therefore run each update right after its gradient, which is what PyTorch's
/// optimizer-in-backward hooks do by hand.
/// </para>
/// </summary>
internal sealed class GradientTape(OpEmitter e)
{
    private readonly List<(int Output, Action<int, int> Backward)> _entries = [];
    private readonly Dictionary<int, int> _grads = [];
    private readonly Dictionary<int, (string Name, long Elements)> _info = [];
    private readonly HashSet<int> _requiresGrad = [];
    private readonly List<int> _parameters = [];
    private readonly Dictionary<int, List<int>> _backwardReaders = [];
    private readonly Dictionary<int, List<int>> _inPlaceAdds = [];
    private int _accumulations;

    public OpEmitter Emitter => e;

    /// <summary>A trainable weight, made once per name (a tied head gets the embedding's tensor back).</summary>
    public int Parameter(string name, long elements)
    {
        int t = e.Weight(name, elements);
        if (_requiresGrad.Add(t))
        {
            _parameters.Add(t);
            _info[t] = (name, elements);
            _backwardReaders[t] = [];
            _inPlaceAdds[t] = [];
        }
        return t;
    }

    public bool RequiresGrad(int tensor) => _requiresGrad.Contains(tensor);

    /// <summary>Elements of a forward tensor or parameter the tape knows.</summary>
    public long Elements(int tensor) => _info[tensor].Elements;

    /// <summary>
    /// A forward op. Its output requires a gradient when an input does; then <paramref name="backward"/> (called with
    /// the output's gradient and the output) is taped.
    /// </summary>
    public int Forward(string name, string type, long elements, int[] inputs, Action<int, int> backward)
    {
        int y = e.Op(name, type, elements, inputs);
        _info[y] = (name, elements);
        foreach (int x in inputs)
        {
            if (_requiresGrad.Contains(x))
            {
                _requiresGrad.Add(y);
                _entries.Add((y, backward));
                break;
            }
        }
        return y;
    }

    /// <summary>A gradient op named <c>grad.{name}</c>.</summary>
    public int Grad(string name, string type, long elements, params int[] inputs)
    {
        int g = e.Op("grad." + name, type, elements, inputs);
        NoteReaders(inputs);
        return g;
    }

    /// <summary>A gradient op with several outputs (a split); returns them.</summary>
    public int[] GradMulti(string name, string type, long[] elements, string[] names, params int[] inputs)
    {
        var bytes = new long[elements.Length];
        for (int i = 0; i < bytes.Length; i++)
        {
            bytes[i] = checked(elements[i] * e.DtypeBytes);
        }
        int[] outs = e.OpMulti("grad." + name, type, bytes, names, inputs);
        NoteReaders(inputs);
        return outs;
    }

    /// <summary>Emits <c>grad.{name}</c> as the gradient of <paramref name="x"/>, when x needs one.</summary>
    public void GradFor(int x, string name, string type, params int[] inputs)
    {
        if (RequiresGrad(x))
        {
            Accumulate(x, Grad(name, type, Elements(x), inputs));
        }
    }

    /// <summary>
    /// Adds <paramref name="partial"/> to <paramref name="tensor"/>'s gradient; ignored when the tensor needs none.
    /// An activation's partials are summed by a new Add op (autograd's out-of-place InputBuffer sum); a parameter's
    /// later partials are added in place into its first gradient buffer (AccumulateGrad's <c>grad += new</c>), an op
    /// with a 0-byte output that the optimizer update waits for — so a tied embedding holds two tables, not three.
    /// </summary>
    public void Accumulate(int tensor, int partial)
    {
        if (!RequiresGrad(tensor))
        {
            return;
        }
        if (_grads.TryGetValue(tensor, out int sum))
        {
            var (name, elements) = _info[tensor];
            if (_inPlaceAdds.TryGetValue(tensor, out var adds))
            {
                adds.Add(Grad($"{name}.accumulate{++_accumulations}", "AddInPlace", 0, sum, partial));
                return;
            }
            partial = Grad($"{name}.accumulate{++_accumulations}", "Add", elements, sum, partial);
        }
        _grads[tensor] = partial;
    }

    /// <summary>Replays the tape in reverse: each op whose output received a gradient emits its backward ops.</summary>
    public void Backward()
    {
        for (int i = _entries.Count - 1; i >= 0; i--)
        {
            var (output, backward) = _entries[i];
            if (_grads.Remove(output, out int gradient))
            {
                backward(gradient, output);
            }
        }
    }

    /// <summary>One in-place AdamW update per parameter, in parameter order, after the backward pass.</summary>
    /// <exception cref="InvalidOperationException">A parameter received no gradient (a builder bug).</exception>
    public void OptimizerStep()
    {
        foreach (int p in _parameters)
        {
            var (name, elements) = _info[p];
            if (!_grads.TryGetValue(p, out int gradient))
            {
                throw new InvalidOperationException($"Parameter '{name}' received no gradient.");
            }
            int m = e.Weight(name + ".exp_avg", elements), v = e.Weight(name + ".exp_avg_sq", elements);
            e.Op("adam." + name, "AdamW", 0, [gradient, p, m, v, .. _inPlaceAdds[p]]);
            int update = e.LastOp;
            foreach (int reader in _backwardReaders[p])
            {
                e.ControlEdge(reader, update);
            }
        }
    }

    private void NoteReaders(int[] inputs)
    {
        foreach (int t in inputs)
        {
            if (_backwardReaders.TryGetValue(t, out var readers))
            {
                readers.Add(e.LastOp);
            }
        }
    }
}
