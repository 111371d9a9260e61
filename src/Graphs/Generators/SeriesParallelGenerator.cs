namespace Scheduler.Graphs.Generators;

/// <summary>
/// Random two-terminal series-parallel networks, the shape of Inception-style blocks: a block is either one op, a
/// series composition (block A, then block B fed by A's sink), or a parallel composition (two or more blocks fed by the
/// same predecessor, then a join op consuming every branch's sink). This is the recursive definition of
/// series-parallel graphs (Valdes, Tarjan &amp; Lawler 1982, "The recognition of series parallel digraphs"), with the
/// parallel join made an op so that each block has one sink, as a Concat/Add ends a branchy block in a network.
/// Ops are numbered in emission order — series parts in order, parallel branches one after another, then the join —
/// which is the order a framework runs such a network. Seeded: the same options and seed give the same graph.
/// </summary>
public static class SeriesParallelGenerator
{
    /// <summary>Generates one graph with exactly <see cref="SeriesParallelOptions.Nodes"/> ops.</summary>
    /// <exception cref="ArgumentException">A count is below its minimum or the probability is outside [0, 1].</exception>
    public static ComputationGraph Generate(SeriesParallelOptions options, int seed, string? name = null)
    {
        Guard.NotNull(options, nameof(options));
        Guard.That(options.Nodes >= 1, nameof(options), $"Nodes must be at least 1, got {options.Nodes}.");
        Guard.That(options.MaxBranches >= 2, nameof(options), $"MaxBranches must be at least 2, got {options.MaxBranches}.");
        Guard.That(options.ParallelProbability is >= 0 and <= 1, nameof(options),
            $"ParallelProbability must be in [0, 1], got {options.ParallelProbability}.");
        Guard.That(options.BytesPerUnit >= 1, nameof(options), $"BytesPerUnit must be at least 1, got {options.BytesPerUnit}.");
        var random = new Random(seed);
        var mixture = new LayeredGraphOptions();
        var state = new State(new GraphBuilder(name ?? $"series-parallel-{options.Nodes}-seed{seed}"), random,
            new SizeSampler(random, mixture.SizeMeans, mixture.SizeStdDevs, options.BytesPerUnit), options);
        state.Block(options.Nodes, -1);
        return state.Builder.Build();
    }

    private sealed class State(GraphBuilder builder, Random random, SizeSampler sizes, SeriesParallelOptions options)
    {
        public GraphBuilder Builder { get; } = builder;

        /// <summary>Emits a block of <paramref name="n"/> ops fed by tensor <paramref name="input"/> (−1: a source);
        /// returns the block's sink tensor. Recursion depth is the nesting depth, O(log n) expected.</summary>
        public int Block(int n, int input)
        {
            if (n == 1)
            {
                return Op("Op", input);
            }
            if (n >= 3 && random.NextDouble() < options.ParallelProbability)
            {
                int branches = random.Next(2, Math.Min(options.MaxBranches, n - 1) + 1);
                var sinks = new int[branches];
                int[] split = Split(n - 1, branches);
                for (int b = 0; b < branches; b++)
                {
                    sinks[b] = Block(split[b], input);
                }
                return Op("Join", sinks);
            }
            int first = random.Next(1, n);
            return Block(n - first, Block(first, input));
        }

        /// <summary>Splits <paramref name="total"/> into <paramref name="parts"/> positive parts, uniformly over
        /// compositions (distinct cut points among total − 1).</summary>
        private int[] Split(int total, int parts)
        {
            var cuts = new SortedSet<int>();
            while (cuts.Count < parts - 1)
            {
                cuts.Add(random.Next(1, total));
            }
            var sizes = new int[parts];
            int previous = 0, k = 0;
            foreach (int cut in cuts)
            {
                sizes[k++] = cut - previous;
                previous = cut;
            }
            sizes[k] = total - previous;
            return sizes;
        }

        private int Op(string type, params ReadOnlySpan<int> inputs)
        {
            int op = Builder.AddOp(Builder.OpCount, "", type);
            foreach (int t in inputs)
            {
                if (t >= 0)
                {
                    Builder.AddUse(t, op);
                }
            }
            return Builder.AddOutput(op, sizes.Next());
        }
    }
}
