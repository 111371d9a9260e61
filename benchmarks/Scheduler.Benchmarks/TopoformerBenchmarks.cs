using BenchmarkDotNet.Attributes;
using Scheduler.Graphs;
using Scheduler.Graphs.Generators;
using Scheduler.Topoformer;
using Scheduler.Topoformer.Model;

namespace Scheduler.Benchmarks;

/// <summary>
/// The shipped Topoformer checkpoint on one layered graph per size (fixed seed): encoding (sampled relations and
/// features), the network's forward pass on an encoded graph, and the whole greedy <c>topoformer</c> method
/// (encoding + forward + greedy decode, from a fresh <see cref="GraphAnalysis"/> so nothing is cached). Warm: the
/// checkpoint is loaded in <see cref="Setup"/>. libtorch runs one intra-op thread here: on the shared 2-core machine
/// (load average 15–20) its default pool of two ran the forward pass 3–10× slower than one thread, so one thread is the
/// steadier measurement; the CLI rows of docs/results/topoformer-scale.md use the default. Reproduce with
/// benchmarks/scripts/topoformer-scale.sh.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TopoformerBenchmarks
{
    private ComputationGraph _graph = null!;
    private TopoformerNetwork _network = null!;
    private GraphEncoding _encoding = null!;
    private TopoformerScheduler _greedy = null!;

    /// <summary>Graph size in ops.</summary>
    [Params(1000, 2000, 8000, 20000, 50000)]
    public int Nodes { get; set; }

    /// <summary>Builds the graph, loads the shipped checkpoint and encodes the graph once for <see cref="Forward"/>.</summary>
    [GlobalSetup]
    public void Setup()
    {
        TorchSharp.torch.set_num_threads(1);
        _graph = LayeredGraphGenerator.Generate(new LayeredGraphOptions(Nodes: Nodes), seed: 42);
        _network = ModelStore.Get(null);
        _encoding = GraphEncoding.Create(_graph, _network.Options);
        _greedy = new TopoformerScheduler("topoformer", _network);
    }

    /// <summary>Sampled relations and node features.</summary>
    [Benchmark]
    public GraphEncoding Encode() => GraphEncoding.Create(_graph, _network.Options);

    /// <summary>One forward pass without autograd on the encoded graph.</summary>
    [Benchmark]
    public float[] Forward() => _network.Priorities(_encoding);

    /// <summary>The greedy method end to end: encode, forward, decode.</summary>
    [Benchmark]
    public int[] Greedy() => _greedy.Solve(new GraphAnalysis(_graph), null).Order;
}
