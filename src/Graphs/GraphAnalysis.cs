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

    /// <summary>
    /// Work (flow edges scanned, <see cref="Graphs.ClosureBound.Work"/>) the closure bound may spend: one minimum cut per
    /// op costs 0.9–1.4·10⁸ at 2,000 layered ops (measured: 0.9–1.5 s on the 2-core machine), so graphs up to about
    /// that size get every op's term; on larger ones the ops are taken in falling order of their cut term until the
    /// work is spent and the rest keep their cut term (still a bound: any subset of ops gives one).
    /// <see cref="ClosureBoundPartial"/> says when that happened. A count of work, so the bound is the same on any machine.
    /// </summary>
    public const long ClosureBoundWorkLimit = 200_000_000;

    private readonly Lazy<long> _workingSet;
    private readonly Lazy<Reachability> _reachability;
    private readonly Lazy<long[]> _cutBoundAtSteps;
    private readonly Lazy<long> _cutBound;
    private readonly Lazy<(long[] AtSteps, bool Partial)> _closureBoundAtSteps;
    private readonly Lazy<long> _closureBound;
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
        _closureBoundAtSteps = new(ComputeClosureBound);
        _closureBound = new(() => CutBoundSkipped ? CutBound : Math.Max(CutBound, _closureBoundAtSteps.Value.AtSteps.DefaultIfEmpty(0).Max()));
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

    /// <summary>The closure lower bound under <see cref="Memory"/> (<see cref="Graphs.ClosureBound"/>): max over ops of
    /// the least bytes the op's step holds over every set of ops that could run before it. At least the cut bound;
    /// the cut bound where that is skipped (<see cref="CutBoundSkipped"/>).</summary>
    public long ClosureBound => _closureBound.Value;

    /// <summary>The closure bound's term per op (at least the cut bound's; equal to it for ops left out when
    /// <see cref="ClosureBoundPartial"/>). Computed on first use.</summary>
    public ReadOnlySpan<long> ClosureBoundAtSteps => _closureBoundAtSteps.Value.AtSteps;

    /// <summary>True when <see cref="ClosureBoundWorkLimit"/> stopped the closure bound before every op had its term.</summary>
    public bool ClosureBoundPartial => !CutBoundSkipped && _closureBoundAtSteps.Value.Partial;

    /// <summary>The larger of the working-set and cut bounds: the bound the Topoformer checkpoint was trained against
    /// (its cost is peak over it), kept apart so training does not pay for the closure bound.</summary>
    public long CutLowerBound => Math.Max(WorkingSetBound, CutBound);

    /// <summary>The largest of the three bounds: a peak under <see cref="Memory"/> that meets it is optimal.</summary>
    public long LowerBound => Math.Max(WorkingSetBound, ClosureBound);

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

    /// <summary>Every op's closure term while the work limit lasts, ops in falling order of their cut term (ties by
    /// index), so the ops most likely to set the maximum come first; the rest keep their cut term.</summary>
    private (long[] AtSteps, bool Partial) ComputeClosureBound()
    {
        long[] atSteps = CutBoundAtSteps.ToArray();
        var bound = new ClosureBound(Graph, Reachability, Memory);
        int[] ops = Enumerable.Range(0, atSteps.Length).OrderByDescending(v => atSteps[v]).ThenBy(v => v).ToArray();
        foreach (int v in ops)
        {
            if (bound.Work >= ClosureBoundWorkLimit)
            {
                return (atSteps, true);
            }
            atSteps[v] = Math.Max(atSteps[v], bound.AtStep(v));
        }
        return (atSteps, false);
    }
}
