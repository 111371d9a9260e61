namespace Scheduler.Graphs.Generators;

/// <summary>
/// Stacks of NASNet/DARTS-style cells (Zoph et al. 2018, "Learning Transferable Architectures for Scalable Image
/// Recognition"; Liu et al. 2019, "DARTS"). A cell takes the outputs of the two previous cells, preprocesses each
/// (ReLU-1×1 conv-BN, or a factorized reduce after a reduction cell), then builds <see cref="NasCellOptions.Steps"/>
/// intermediate nodes; node i sums two primitive ops applied to two distinct earlier states (the two inputs or nodes
/// before i); the cell output concatenates every intermediate node. So each node stays live until the concat and the
/// cell inputs until their last reader: many tensors are live at once and the order of the nodes' branches matters.
/// Genotypes are drawn uniformly from DARTS's primitives (its search space without "none"): 3×3/5×5 separable conv
/// (two stacked ReLU-sepconv-BN ops, as DARTS applies it twice), 3×3/5×5 dilated conv, 3×3 max/avg pool, skip
/// (no op; a factorized reduce in a reduction cell). Ops are numbered in DARTS's forward order. Seeded.
/// </summary>
public static class NasCellGenerator
{
    private static readonly string[] Primitives =
        ["max_pool_3x3", "avg_pool_3x3", "skip_connect", "sep_conv_3x3", "sep_conv_5x5", "dil_conv_3x3", "dil_conv_5x5"];

    /// <summary>Generates one network.</summary>
    /// <exception cref="ArgumentException">An option is out of range (the message names it).</exception>
    public static ComputationGraph Generate(NasCellOptions options, int seed, string? name = null)
    {
        Validate(options);
        var random = new Random(seed);
        var net = new NetworkEmitter(name ?? $"nas-cell-{options.Cells}-seed{seed}", options.Batch, options.DtypeBytes);
        long Bytes(long channels, long side) => net.Bytes(channels, side);
        int Op(string opName, string type, long bytes, params int[] inputs) => net.Op(opName, type, bytes, inputs);

        long c = options.Channels, side = options.ImageSize;
        int images = net.Images(side);
        int stem = Op("stem", "ConvBn", Bytes(options.StemMultiplier * c, side), images);
        var (normal, reduce) = (Genotype(options.Steps, random), Genotype(options.Steps, random));
        int s0 = stem, s1 = stem;
        bool previousReduction = false;
        for (int k = 0; k < options.Cells; k++)
        {
            bool reduction = k == options.Cells / 3 || k == 2 * options.Cells / 3;
            if (reduction)
            {
                c *= 2;
            }
            if (!options.SharedGenotype && k > 0)
            {
                (normal, reduce) = (Genotype(options.Steps, random), Genotype(options.Steps, random));
            }
            string at = $"cell{k}.";
            long outSide = reduction ? side / 2 : side;
            // DARTS Cell.__init__: preprocess0 is a FactorizedReduce when the previous cell reduced (s0 is at twice
            // the resolution), else ReLUConvBN; preprocess1 is always ReLUConvBN.
            var states = new List<int>
            {
                Op(at + "preprocess0", previousReduction ? "FactorizedReduce" : "ReluConvBn", Bytes(c, side), s0),
                Op(at + "preprocess1", "ReluConvBn", Bytes(c, side), s1),
            };
            var genotype = reduction ? reduce : normal;
            for (int i = 0; i < options.Steps; i++)
            {
                var sum = new int[2];
                for (int e = 0; e < 2; e++)
                {
                    var (input, primitive) = genotype[(2 * i) + e];
                    bool stride = reduction && input < 2;
                    sum[e] = Primitive(Op, $"{at}node{i}.edge{e}.{Primitives[primitive]}", primitive, stride,
                        states[input], Bytes(c, outSide));
                }
                states.Add(Op($"{at}node{i}.add", "Add", Bytes(c, outSide), sum));
            }
            int output = Op(at + "concat", "Concat", Bytes(options.Steps * c, outSide), [.. states.GetRange(2, options.Steps)]);
            (s0, s1, side, previousReduction) = (s1, output, outSide, reduction);
        }
        int pooled = Op("global_pooling", "GlobalAveragePool", Bytes(options.Steps * c, 1), s1);
        int logits = Op("classifier", "MatMul", net.VectorBytes(options.Classes), pooled);
        return net.Finish(logits);
    }

    /// <summary>Per node two (input state, primitive) pairs with distinct inputs among the 2 + i earlier states.</summary>
    private static (int Input, int Primitive)[] Genotype(int steps, Random random)
    {
        var genotype = new (int, int)[2 * steps];
        for (int i = 0; i < steps; i++)
        {
            int a = random.Next(2 + i), other = random.Next(1 + i);
            int second = other >= a ? other + 1 : other;
            genotype[2 * i] = (a, random.Next(Primitives.Length));
            genotype[(2 * i) + 1] = (second, random.Next(Primitives.Length));
        }
        return genotype;
    }

    /// <summary>Emits one primitive on <paramref name="input"/>; returns its output (the input itself for a
    /// stride-1 skip).</summary>
    private static int Primitive(Func<string, string, long, int[], int> op, string name, int primitive, bool stride,
        int input, long bytes)
    {
        return Primitives[primitive] switch
        {
            "max_pool_3x3" => op(name, "MaxPool", bytes, [input]),
            "avg_pool_3x3" => op(name, "AvgPool", bytes, [input]),
            "skip_connect" => stride ? op(name, "FactorizedReduce", bytes, [input]) : input,
            "sep_conv_3x3" or "sep_conv_5x5" => op(name + ".2", "SeparableConv", bytes,
                [op(name + ".1", "SeparableConv", bytes, [input])]),
            _ => op(name, "DilatedConv", bytes, [input]),
        };
    }

    private static void Validate(NasCellOptions o)
    {
        const string Param = "options";
        Guard.NotNull(o, Param);
        Guard.That(o.Cells >= 1 && o.Steps >= 1, Param, $"Cells and Steps must be at least 1, got {o.Cells} and {o.Steps}.");
        Guard.That(o.Channels >= 1 && o.StemMultiplier >= 1 && o.Classes >= 1, Param,
            $"Channels, StemMultiplier and Classes must be at least 1, got {o.Channels}, {o.StemMultiplier}, {o.Classes}.");
        Guard.That(o.Batch >= 1 && o.DtypeBytes >= 1, Param, $"Batch and DtypeBytes must be at least 1, got {o.Batch}, {o.DtypeBytes}.");
        Guard.That(o.ImageSize >= 4, Param, $"ImageSize must be at least 4 (two reductions), got {o.ImageSize}.");
    }
}
