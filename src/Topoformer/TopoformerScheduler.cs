using Scheduler.Graphs;
using Scheduler.Topoformer.Decoding;
using Scheduler.Topoformer.Model;

namespace Scheduler.Topoformer;

/// <summary>
/// The learned scheduler: runs the Topoformer network once to get a priority per op, then decodes orders with
/// <see cref="PriorityDecoder"/> — greedy (<c>topoformer</c>) or best of the greedy order and K − 1 samples by
/// <see cref="MemoryModel"/> (<c>topoformer-sample</c>; sequential, perturbed or without replacement, at a temperature). It returns only an order; memory is scored by the caller.
/// Inside the pass the priorities are an analysis of the graph (<see cref="GraphAnalysis.GetOrAdd{T}"/>), so the
/// greedy and the sampling method share one encoding and one forward pass per checkpoint.
/// </summary>
public sealed class TopoformerScheduler : ISolvingScheduler
{
    /// <summary>
    /// Largest graph accepted. Attention is O(N·K) (<see cref="SampledRelations"/>); finding the samples is blocked
    /// reachability, about N·E/32 word operations, so graphs are also refused above <see cref="MaxReachabilityWords"/>.
    /// </summary>
    public const int MaxNodes = 262_144;

    /// <summary>
    /// Largest N·E/32 accepted (2^34): about 35 s of sample search on the loaded 2-core machine, where 50,000 layered
    /// ops (1.67 million edges, 2.6·10^9) took 5.2 s (docs/results/topoformer-scale.md). A count of work, not a timer.
    /// </summary>
    public const long MaxReachabilityWords = 1L << 34;

    private readonly Func<TopoformerNetwork> _network;
    private readonly string _priorityKey;
    private readonly int _samples;
    private readonly int _seed;
    private readonly DecodeMode _mode;
    private readonly double _temperature;
    private readonly double _memoryWeight;
    private readonly TimeSpan _timeLimit;

    /// <summary>Creates a scheduler over a checkpoint (loaded lazily, once per path).</summary>
    /// <param name="name">Kebab-case id.</param>
    /// <param name="samples">1 = greedy; K &gt; 1 = best of the greedy order and K−1 samples.</param>
    /// <param name="mode">How the extra candidates are drawn.</param>
    /// <param name="seed">Seed of the sampling.</param>
    /// <param name="modelPath">Checkpoint folder or weights file; null = the shipped checkpoint.</param>
    /// <param name="timeLimit">Safety cap on drawing samples (their count is the budget); null: <see cref="SafetyCap.DefaultLimit"/>.</param>
    /// <param name="temperature">Sampling temperature: the memory-aware logits are divided by it (greedy ignores it).</param>
    /// <param name="memoryWeight">Weight of memory-aware decoding (<see cref="PriorityDecoder"/>; 0: the paper's decoder).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="samples"/> is below 1, <paramref name="temperature"/>
    /// is not a positive finite number or <paramref name="memoryWeight"/> is not a finite number ≥ 0.</exception>
    public TopoformerScheduler(string name, int samples = 1, DecodeMode mode = DecodeMode.Sample, int seed = 0, string? modelPath = null,
        TimeSpan? timeLimit = null, double temperature = 1.0, double memoryWeight = SchedulerSettings.DefaultMemoryWeight)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        PriorityDecoder.CheckTemperature(temperature);
        PriorityDecoder.CheckMemoryWeight(memoryWeight);
        Name = name;
        _samples = samples;
        _mode = mode;
        _temperature = temperature;
        _memoryWeight = memoryWeight;
        _seed = seed;
        _timeLimit = timeLimit ?? SafetyCap.DefaultLimit;
        _network = () => ModelStore.Get(modelPath);
        _priorityKey = $"topoformer.priorities:{modelPath ?? "<shipped>"}";
    }

    /// <summary>Creates a scheduler over an in-memory network (tests, training evaluation).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="samples"/> is below 1, <paramref name="temperature"/>
    /// is not a positive finite number or <paramref name="memoryWeight"/> is not a finite number ≥ 0.</exception>
    public TopoformerScheduler(string name, TopoformerNetwork network, int samples = 1, DecodeMode mode = DecodeMode.Sample, int seed = 0,
        TimeSpan? timeLimit = null, double temperature = 1.0, double memoryWeight = SchedulerSettings.DefaultMemoryWeight)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        PriorityDecoder.CheckTemperature(temperature);
        PriorityDecoder.CheckMemoryWeight(memoryWeight);
        Name = name;
        _samples = samples;
        _mode = mode;
        _temperature = temperature;
        _memoryWeight = memoryWeight;
        _seed = seed;
        _timeLimit = timeLimit ?? SafetyCap.DefaultLimit;
        _network = () => network;
        _priorityKey = $"topoformer.priorities:{Guid.NewGuid():N}";
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    /// <exception cref="NotSupportedException">The graph has more than <see cref="MaxNodes"/> ops, or N·E/32 is above
    /// <see cref="MaxReachabilityWords"/>.</exception>
    /// <exception cref="TopoformerConfigException">The checkpoint cannot be loaded.</exception>
    public int[] Order(ComputationGraph graph, CancellationToken cancellationToken = default)
        => Solve(new GraphAnalysis(graph), null, cancellationToken).Order;

    /// <inheritdoc/>
    /// <remarks>The start order is not used: the network orders the graph from scratch.</remarks>
    /// <exception cref="NotSupportedException">The graph has more than <see cref="MaxNodes"/> ops, or N·E/32 is above
    /// <see cref="MaxReachabilityWords"/>.</exception>
    /// <exception cref="TopoformerConfigException">The checkpoint cannot be loaded.</exception>
    public SolveResult Solve(GraphAnalysis analysis, StartOrder? start, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var graph = analysis.Graph;
        var cap = new SafetyCap(_timeLimit);
        if (graph.OpCount == 0)
        {
            return new SolveResult([], SolveStatus.Feasible);
        }
        if (SizeRefusal(Name, graph.Name, graph.OpCount, graph.EdgeCount) is string refusal)
        {
            throw new NotSupportedException(refusal);
        }
        float[] priorities = analysis.GetOrAdd(_priorityKey, a =>
        {
            var network = _network();
            return network.Priorities(GraphEncoding.Create(a.Graph, network.Options));
        });
        cancellationToken.ThrowIfCancellationRequested();
        if (_samples == 1)
        {
            return new SolveResult(PriorityDecoder.Decode(graph, priorities, DecodeMode.Greedy, new Random(_seed), 1.0, _memoryWeight, analysis.Memory),
                SolveStatus.Feasible);
        }
        // The network's forward pass is one uninterruptible call; the cap can only cut the sampling after it.
        var (order, drawn, capped) = PriorityDecoder.BestOf(graph, priorities, _samples, _mode, _seed, _temperature, _memoryWeight, cap, analysis.Memory,
            cancellationToken);
        return capped
            ? new SolveResult(order, SolveStatus.Feasible, null, $"{Name}: stopped by the {cap} after {drawn} of {_samples} samples.", Capped: true)
            : new SolveResult(order, SolveStatus.Feasible);
    }

    /// <summary>Why a graph of <paramref name="ops"/> ops and <paramref name="edges"/> edges is refused, or null.</summary>
    internal static string? SizeRefusal(string method, string graphName, int ops, int edges)
    {
        if (ops > MaxNodes)
        {
            return $"{method}: graph '{graphName}' has {ops} ops; finding the attention samples grows as N·E, limit {MaxNodes}.";
        }
        long words = (long)ops * edges / 32;
        return words > MaxReachabilityWords
            ? $"{method}: graph '{graphName}' has {ops} ops and {edges} edges; finding the attention samples takes about "
                + $"N·E/32 = {words} word operations, limit {MaxReachabilityWords}."
            : null;
    }
}
