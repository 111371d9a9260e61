namespace Scheduler.Graphs;

/// <summary>
/// Runs ops one at a time and tracks live bytes: the single implementation of the liveness rule of DESIGN §2, which
/// <see cref="MemoryModel"/> and every greedy scheduler share.
/// <list type="bullet">
/// <item>Resident graph inputs are never counted (they are <see cref="ComputationGraph.ResidentBytes"/>).</item>
/// <item>Freeable graph inputs with a consumer are live from the start until their last consumer has run.</item>
/// <item>Running op v costs <c>live + OutputBytes(v)</c>: its inputs are still live while its outputs are written.</item>
/// <item>After v, every tensor whose last consumer is v is freed, and so is every output of v with no consumer;
/// graph outputs are never freed.</item>
/// </list>
/// The simulator does not check readiness (that is <see cref="MemoryModel.Validate"/>'s job); running an op twice is
/// a caller bug.
/// </summary>
public sealed class MemorySimulator
{
    private readonly ComputationGraph _graph;
    private readonly int[] _remainingUses;
    private readonly long _initialLive;

    /// <summary>Starts before the first step.</summary>
    public MemorySimulator(ComputationGraph graph)
    {
        _graph = Guard.NotNull(graph, nameof(graph));
        _remainingUses = new int[graph.TensorCount];
        for (int t = 0; t < graph.TensorCount; t++)
        {
            if (graph.IsFreeableInput(t) && graph.Consumers(t).Length > 0)
            {
                _initialLive += graph.TensorSize(t);
            }
        }
        Reset();
    }

    private MemorySimulator(MemorySimulator other)
    {
        _graph = other._graph;
        _remainingUses = (int[])other._remainingUses.Clone();
        _initialLive = other._initialLive;
        LiveBytes = other.LiveBytes;
        PeakBytes = other.PeakBytes;
        Steps = other.Steps;
    }

    /// <summary>Bytes live between steps (after the last executed op's frees).</summary>
    public long LiveBytes { get; private set; }

    /// <summary>Largest step memory so far (0 before any step).</summary>
    public long PeakBytes { get; private set; }

    /// <summary>Number of ops executed.</summary>
    public int Steps { get; private set; }

    /// <summary>Consumers of <paramref name="tensor"/> that have not run yet.</summary>
    public int RemainingUses(int tensor) => _remainingUses[tensor];

    /// <summary>Back to before the first step.</summary>
    public void Reset()
    {
        for (int t = 0; t < _graph.TensorCount; t++)
        {
            _remainingUses[t] = _graph.Consumers(t).Length;
        }
        LiveBytes = _initialLive;
        PeakBytes = 0;
        Steps = 0;
    }

    /// <summary>A copy that can run on independently (used by search).</summary>
    public MemorySimulator Clone() => new(this);

    /// <summary>Memory at the step if <paramref name="op"/> ran next: live bytes plus its outputs.</summary>
    public long StepBytes(int op) => LiveBytes + _graph.OutputBytes(op);

    /// <summary>Bytes that running <paramref name="op"/> next would free (its dying inputs and its unused outputs).</summary>
    public long FreedBy(int op)
    {
        long freed = 0;
        foreach (int t in _graph.Inputs(op))
        {
            if (_remainingUses[t] == 1 && IsFreeable(t))
            {
                freed += _graph.TensorSize(t);
            }
        }
        foreach (int t in _graph.Outputs(op))
        {
            if (_graph.Consumers(t).Length == 0 && !_graph.IsGraphOutput(t))
            {
                freed += _graph.TensorSize(t);
            }
        }
        return freed;
    }

    /// <summary>Runs <paramref name="op"/>; returns the memory at its step.</summary>
    public long Execute(int op)
    {
        long step = LiveBytes + _graph.OutputBytes(op);
        if (step > PeakBytes)
        {
            PeakBytes = step;
        }
        LiveBytes = step - FreedBy(op);
        foreach (int t in _graph.Inputs(op))
        {
            _remainingUses[t]--;
        }
        Steps++;
        return step;
    }

    private bool IsFreeable(int tensor) => !_graph.IsGraphOutput(tensor) && !_graph.IsResident(tensor);
}
