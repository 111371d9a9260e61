namespace Scheduler.Graphs.Generators;

/// <summary>
/// Randomly wired networks after Xie et al. 2019 ("Exploring Randomly Wired Neural Networks for Image Recognition",
/// §3): each stage is a random graph (<see cref="RandomGraphKind"/>) oriented into a DAG by node index; a node
/// aggregates its inputs by a weighted sum (only when it has several), transforms them with ReLU → 3×3 separable
/// convolution → BatchNorm, and sends the same output along every out-edge. Nodes without inputs read the previous
/// stage's output with stride 2 (so each stage halves the resolution and changes the channels); the stage output
/// averages the nodes without outputs. A stem before and a classifier head after follow the paper's small regime.
/// Ops are numbered stage by stage, nodes in index order (a topological order), as the reference implementation runs
/// them. Sizes are activation shapes (<see cref="RandWireOptions"/>). Seeded: the same options and seed give the
/// same graph.
/// </summary>
public static class RandWireGenerator
{
    /// <summary>Generates one network.</summary>
    /// <exception cref="ArgumentException">An option is out of range (the message names it).</exception>
    public static ComputationGraph Generate(RandWireOptions options, int seed, string? name = null)
    {
        Validate(options);
        var random = new Random(seed);
        var net = new NetworkEmitter(name ?? $"randwire-{options.NodesPerStage}x{options.Stages}-seed{seed}", options.Batch, options.DtypeBytes);
        long Bytes(long channels, long side) => net.Bytes(channels, side);
        int Op(string opName, string type, long bytes, params int[] inputs) => net.Op(opName, type, bytes, inputs);

        long c = options.Channels, side = options.ImageSize;
        int x = net.Images(side);
        // Stem (paper Table 1, small regime): conv1 3×3/2 to C/2, BN, ReLU; conv2 3×3/2 to C, BN.
        x = Op("stem.conv1", "Conv", Bytes(c / 2, side / 2), x);
        x = Op("stem.bn1", "BatchNorm", Bytes(c / 2, side / 2), x);
        x = Op("stem.relu", "Relu", Bytes(c / 2, side / 2), x);
        x = Op("stem.conv2", "Conv", Bytes(c, side / 4), x);
        x = Op("stem.bn2", "BatchNorm", Bytes(c, side / 4), x);
        long inputChannels = c, inputSide = side / 4;
        for (int s = 0; s < options.Stages; s++)
        {
            long channels = c << s, outSide = inputSide / 2;
            var edges = RandomGraphs.Generate(options, options.NodesPerStage, random);
            x = Stage(options.NodesPerStage, edges, $"stage{s + 1}.", x, Bytes(inputChannels, inputSide),
                Bytes(channels, outSide), Op);
            (inputChannels, inputSide) = (channels, outSide);
        }
        // Head: ReLU, 1×1 conv to 1280 channels, BN, ReLU, global average pool, fully connected 1000 classes.
        x = Op("head.relu1", "Relu", Bytes(inputChannels, inputSide), x);
        x = Op("head.conv", "Conv", Bytes(1280, inputSide), x);
        x = Op("head.bn", "BatchNorm", Bytes(1280, inputSide), x);
        x = Op("head.relu2", "Relu", Bytes(1280, inputSide), x);
        x = Op("head.pool", "GlobalAveragePool", Bytes(1280, 1), x);
        x = Op("head.fc", "MatMul", net.VectorBytes(1000), x);
        return net.Finish(x);
    }

    /// <summary>Emits one random stage; returns the stage output (the average of the nodes without successors).</summary>
    private static int Stage(int n, List<(int From, int To)> edges, string scope, int input, long inputBytes,
        long nodeBytes, Func<string, string, long, int[], int> op)
    {
        var predecessors = new List<int>[n];
        var hasSuccessor = new bool[n];
        for (int v = 0; v < n; v++)
        {
            predecessors[v] = [];
        }
        foreach (var (from, to) in edges)
        {
            predecessors[to].Add(from);
            hasSuccessor[from] = true;
        }
        var output = new int[n];
        var sinks = new List<int>();
        for (int v = 0; v < n; v++)
        {
            string at = $"{scope}node{v}.";
            int x;
            long xBytes;
            if (predecessors[v].Count == 0)
            {
                (x, xBytes) = (input, inputBytes);
            }
            else if (predecessors[v].Count == 1)
            {
                (x, xBytes) = (output[predecessors[v][0]], nodeBytes);
            }
            else
            {
                // Aggregation: a weighted sum with learned, sigmoid-positive weights (paper §3.2).
                var ins = predecessors[v].ConvertAll(u => output[u]).ToArray();
                (x, xBytes) = (op(at + "aggregate", "WeightedSum", nodeBytes, ins), nodeBytes);
            }
            x = op(at + "relu", "Relu", xBytes, [x]);
            x = op(at + "sep_conv", "SeparableConv", nodeBytes, [x]);
            output[v] = op(at + "bn", "BatchNorm", nodeBytes, [x]);
            if (!hasSuccessor[v])
            {
                sinks.Add(output[v]);
            }
        }
        return op(scope + "output", "Mean", nodeBytes, [.. sinks]);
    }

    private static void Validate(RandWireOptions o)
    {
        const string Param = "options";
        Guard.NotNull(o, Param);
        Guard.That(o.NodesPerStage >= 2, Param, $"NodesPerStage must be at least 2, got {o.NodesPerStage}.");
        Guard.That(o.Stages >= 1, Param, $"Stages must be at least 1, got {o.Stages}.");
        Guard.That(o.Graph != RandomGraphKind.WattsStrogatz || (o.K >= 2 && o.K % 2 == 0 && o.K < o.NodesPerStage),
            Param, $"WS needs an even K in [2, NodesPerStage), got K = {o.K} with {o.NodesPerStage} nodes.");
        Guard.That(o.P is >= 0 and <= 1, Param, $"P must be in [0, 1], got {o.P}.");
        Guard.That(o.Graph != RandomGraphKind.BarabasiAlbert || (o.M >= 1 && o.M < o.NodesPerStage),
            Param, $"BA needs M in [1, NodesPerStage), got M = {o.M} with {o.NodesPerStage} nodes.");
        Guard.That(o.Channels >= 2 && o.Batch >= 1 && o.DtypeBytes >= 1, Param,
            $"Channels (>= 2), Batch and DtypeBytes (>= 1) must be positive, got {o.Channels}, {o.Batch}, {o.DtypeBytes}.");
        Guard.That((o.ImageSize >> (o.Stages + 2)) >= 1, Param,
            $"ImageSize {o.ImageSize} is too small for {o.Stages} stages: the last stage needs ImageSize / 2^{o.Stages + 2} >= 1.");
    }
}
