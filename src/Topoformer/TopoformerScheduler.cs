using Scheduler.Graphs;
using Scheduler.Topoformer.Decoding;
using Scheduler.Topoformer.Model;

namespace Scheduler.Topoformer;

/// <summary>
/// The learned scheduler: runs the Topoformer network once to get a priority per op, then decodes orders with
/// <see cref="PriorityDecoder"/> — greedy (<c>topoformer</c>) or best of K sequential samples by
/// <see cref="MemoryModel"/> (<c>topoformer-sample</c>). It returns only an order; memory is scored by the caller.
/// </summary>
public sealed class TopoformerScheduler : IScheduler
{
    /// <summary>Largest graph accepted: the masks take 7·N² bytes and attention about 4·H·N² bytes per layer.</summary>
    public const int MaxNodes = 8192;

    private readonly Func<TopoformerNetwork> _network;
    private readonly int _samples;
    private readonly int _seed;
    private readonly DecodeMode _mode;

    /// <summary>Creates a scheduler over a checkpoint (loaded lazily, once per path).</summary>
    /// <param name="name">Kebab-case id.</param>
    /// <param name="samples">1 = greedy; K &gt; 1 = best of the greedy order and K−1 samples.</param>
    /// <param name="mode">How the extra candidates are drawn.</param>
    /// <param name="seed">Seed of the sampling.</param>
    /// <param name="modelPath">Checkpoint folder or weights file; null = the shipped checkpoint.</param>
    public TopoformerScheduler(string name, int samples = 1, DecodeMode mode = DecodeMode.Sample, int seed = 0, string? modelPath = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        Name = name;
        _samples = samples;
        _mode = mode;
        _seed = seed;
        _network = () => ModelStore.Get(modelPath);
    }

    /// <summary>Creates a scheduler over an in-memory network (tests, training evaluation).</summary>
    public TopoformerScheduler(string name, TopoformerNetwork network, int samples = 1, DecodeMode mode = DecodeMode.Sample, int seed = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        Name = name;
        _samples = samples;
        _mode = mode;
        _seed = seed;
        _network = () => network;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    /// <exception cref="NotSupportedException">The graph has more than <see cref="MaxNodes"/> ops.</exception>
    /// <exception cref="TopoformerConfigException">The checkpoint cannot be loaded.</exception>
    public int[] Order(ComputationGraph graph, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (graph.OpCount == 0)
        {
            return [];
        }
        if (graph.OpCount > MaxNodes)
        {
            throw new NotSupportedException(
                $"{Name}: graph '{graph.Name}' has {graph.OpCount} ops; the attention masks grow as N², limit {MaxNodes}.");
        }
        var network = _network();
        float[] priorities = network.Priorities(GraphEncoding.Create(graph, network.Options));
        cancellationToken.ThrowIfCancellationRequested();
        return _samples == 1
            ? PriorityDecoder.Decode(graph, priorities, DecodeMode.Greedy, new Random(_seed))
            : PriorityDecoder.BestOf(graph, priorities, _samples, _mode, _seed, cancellationToken);
    }
}
