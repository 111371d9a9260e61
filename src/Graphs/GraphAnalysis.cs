using System.Collections.Concurrent;
using Scheduler.Graphs.Topology;

namespace Scheduler.Graphs;

/// <summary>
/// Everything about one graph that several methods need, computed at most once and shared (as XLA and Inductor hand
/// one analysis to every scheduling algorithm, and MLIR's analysis manager caches per-op analyses): the lower bounds,
/// the reachability closure, and any method-specific analysis (<see cref="GetOrAdd{T}"/>, e.g. Topoformer's encoding).
/// Thread-safe: the pass's parallel stages share one instance; each value is computed once.
/// </summary>
public sealed class GraphAnalysis
{
    /// <summary>
    /// Largest graph whose cut bound is computed: the closure takes 2·N²/8 bytes (256 MiB at this size) and O(N·E/64)
    /// time. Above it the cut bound is not computed and <see cref="CutBound"/> falls back to the working-set bound;
    /// <see cref="CutBoundSkipped"/> says so, and outputs name the choice.
    /// </summary>
    public const int CutBoundOpLimit = 32_768;

    private readonly Lazy<long> _workingSet;
    private readonly Lazy<Reachability> _reachability;
    private readonly Lazy<long[]> _cutBoundAtSteps;
    private readonly Lazy<long> _cutBound;
    private readonly ConcurrentDictionary<string, Lazy<object>> _extra = new(StringComparer.Ordinal);

    /// <summary>An analysis of <paramref name="graph"/> under the default memory model; nothing is computed until asked for.</summary>
    public GraphAnalysis(ComputationGraph graph)
        : this(graph, MemoryModelOptions.Default)
    {
    }

    /// <summary>An analysis of <paramref name="graph"/> under the memory model with <paramref name="memory"/>: its
    /// bounds hold under that model, and every method handed this analysis orders for it.</summary>
    public GraphAnalysis(ComputationGraph graph, MemoryModelOptions memory)
    {
        Graph = Guard.NotNull(graph, nameof(graph));
        Memory = Guard.NotNull(memory, nameof(memory));
        _workingSet = new(() => MemoryModel.WorkingSetBound(graph, memory));
        _reachability = new(() => Reachability.Compute(graph));
        _cutBoundAtSteps = new(() => MemoryModel.CutBoundAtSteps(graph, Reachability, memory));
        _cutBound = new(() => CutBoundSkipped ? WorkingSetBound : _cutBoundAtSteps.Value.DefaultIfEmpty(0).Max());
    }

    /// <summary>The graph.</summary>
    public ComputationGraph Graph { get; }

    /// <summary>The memory model the bounds hold under and the methods order for.</summary>
    public MemoryModelOptions Memory { get; }

    /// <summary>The working-set lower bound under <see cref="Memory"/>
    /// (<see cref="MemoryModel.WorkingSetBound(ComputationGraph, MemoryModelOptions)"/>).</summary>
    public long WorkingSetBound => _workingSet.Value;

    /// <summary>The cut lower bound under <see cref="Memory"/>
    /// (<see cref="MemoryModel.CutBound(ComputationGraph, Reachability, MemoryModelOptions)"/>), or the working-set bound
    /// when the graph is too large for it (<see cref="CutBoundSkipped"/>).</summary>
    public long CutBound => _cutBound.Value;

    /// <summary>The cut bound's term per op under <see cref="Memory"/> (<see cref="MemoryModel.CutBoundAtSteps"/>): the
    /// bytes certainly held at that op's step in any order; <see cref="CutBound"/> is their maximum. Computed on first
    /// use, whatever the graph's size (it needs <see cref="Reachability"/>).</summary>
    public ReadOnlySpan<long> CutBoundAtSteps => _cutBoundAtSteps.Value;

    /// <summary>True when the graph has more than <see cref="CutBoundOpLimit"/> ops, so the cut bound is not computed.</summary>
    public bool CutBoundSkipped => Graph.OpCount > CutBoundOpLimit;

    /// <summary>The larger of the two bounds: a peak under <see cref="Memory"/> that meets it is optimal.</summary>
    public long LowerBound => Math.Max(WorkingSetBound, CutBound);

    /// <summary>The transitive closure (2·N²/8 bytes; computed on first use).</summary>
    public Reachability Reachability => _reachability.Value;

    /// <summary>The analysis stored under <paramref name="key"/>, computed by <paramref name="create"/> on first use.</summary>
    /// <exception cref="InvalidCastException">Another type is already stored under <paramref name="key"/>.</exception>
    public T GetOrAdd<T>(string key, Func<GraphAnalysis, T> create) where T : class
    {
        Guard.NotNull(key, nameof(key));
        Guard.NotNull(create, nameof(create));
        return (T)_extra.GetOrAdd(key, _ => new Lazy<object>(() => create(this))).Value;
    }
}
