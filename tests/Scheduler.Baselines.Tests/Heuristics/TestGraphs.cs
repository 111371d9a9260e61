using Scheduler.Graphs;

namespace Scheduler.Baselines.Tests.Heuristics;

/// <summary>Hand-made graphs with known peaks, and random graphs that use the whole memory model.</summary>
internal static class TestGraphs
{
    /// <summary>0 → 1 → 2 → 3 with sizes 1, 2, 3, 4: the only order peaks at 3 + 4 = 7.</summary>
    public static ComputationGraph Chain() => ComputationGraph.FromSizes([1, 2, 3, 4], [(0, 1), (1, 2), (2, 3)], "chain");

    /// <summary>0 → {1, 2} → 3 with sizes 1, 2, 3, 1.</summary>
    public static ComputationGraph Diamond()
        => ComputationGraph.FromSizes([1, 2, 3, 1], [(0, 1), (0, 2), (1, 3), (2, 3)], "diamond");

    /// <summary>
    /// The graph from the comment above XLA's ListScheduler (hlo_memory_scheduler.cc), ops A..G = 0..6: A feeds B, D, E;
    /// B feeds C; D, E feed F; C, F feed G. Sizes A 2, B 2, C 1, D 1, E 1, F 2, G 1 (XLA's sizes with A doubled, so
    /// the loss shows under our memory model). Optimal 5 (A B C D E F G); XLA's greedy 6.
    /// </summary>
    public static ComputationGraph XlaCounterexample()
        => ComputationGraph.FromSizes([2, 2, 1, 1, 1, 2, 1],
            [(0, 1), (0, 3), (0, 4), (1, 2), (3, 5), (4, 5), (2, 6), (5, 6)], "xla-counterexample");

    /// <summary>
    /// Two branches from one source: 0 → 1 → 3 and 0 → 2 → 4, sizes 1, 4, 4, 1, 1. Breadth-first keeps both 4-byte
    /// tensors alive (peak 9); finishing a branch first peaks at 6.
    /// </summary>
    public static ComputationGraph TwoBranches()
        => ComputationGraph.FromSizes([1, 4, 4, 1, 1], [(0, 1), (0, 2), (1, 3), (2, 4)], "two-branches");

    /// <summary>
    /// A random graph with everything the model allows: several outputs per op, resident and freeable graph inputs,
    /// graph outputs, dead outputs, control edges, and a file order that is usually not topological.
    /// </summary>
    public static ComputationGraph RandomGeneral(int seed, int maxNodes)
    {
        var random = new Random(seed);
        int n = random.Next(1, maxNodes + 1);
        // Hidden topological rank r is placed at file position slot[r], so the file order is shuffled.
        var slot = new int[n];
        for (int i = 0; i < n; i++)
        {
            slot[i] = i;
        }
        random.Shuffle(slot);
        var b = new GraphBuilder($"general-{seed}");
        var opAtRank = new int[n];
        for (int position = 0; position < n; position++)
        {
            b.AddOp(1000 + position);
        }
        for (int r = 0; r < n; r++)
        {
            opAtRank[r] = slot[r];
        }
        var outputs = new List<int>[n];
        for (int r = 0; r < n; r++)
        {
            outputs[r] = [];
            int count = random.Next(4) == 0 ? 2 : 1;
            for (int k = 0; k < count; k++)
            {
                bool graphOutput = random.Next(10) == 0;
                outputs[r].Add(b.AddOutput(opAtRank[r], random.Next(0, 50), graphOutput: graphOutput));
            }
        }
        int inputs = random.Next(0, 4);
        for (int i = 0; i < inputs; i++)
        {
            int tensor = b.AddGraphInput(random.Next(1, 50), freeable: random.Next(2) == 0);
            for (int r = 0; r < n; r++)
            {
                if (random.Next(4) == 0)
                {
                    b.AddUse(tensor, opAtRank[r]);
                }
            }
        }
        double density = random.NextDouble() * 0.3;
        for (int to = 1; to < n; to++)
        {
            for (int from = Math.Max(0, to - 12); from < to; from++)
            {
                if (random.NextDouble() < density)
                {
                    var outs = outputs[from];
                    b.AddUse(outs[random.Next(outs.Count)], opAtRank[to]);
                }
                else if (random.Next(60) == 0)
                {
                    b.AddControlEdge(opAtRank[from], opAtRank[to]);
                }
            }
        }
        return b.Build();
    }

    /// <summary>Position of each op in <paramref name="order"/>.</summary>
    public static int[] Positions(int[] order)
    {
        var position = new int[order.Length];
        for (int i = 0; i < order.Length; i++)
        {
            position[order[i]] = i;
        }
        return position;
    }

    /// <summary>Sum of every tensor that is not resident: no order can exceed it.</summary>
    public static long NonResidentBytes(ComputationGraph graph)
    {
        long total = 0;
        for (int t = 0; t < graph.TensorCount; t++)
        {
            if (!graph.IsResident(t))
            {
                total += graph.TensorSize(t);
            }
        }
        return total;
    }
}
