using Scheduler.Graphs;

namespace Scheduler.Baselines.Tests;

/// <summary>
/// Seeded tiny graphs (N ≤ 8) that exercise the whole memory model: ops with zero to two outputs, graph outputs,
/// resident and freeable graph inputs, unused outputs and control edges. Small enough for exhaustive optima.
/// </summary>
internal static class TinyGraphs
{
    public static ComputationGraph Random(int seed, int maxOps = 8)
    {
        var random = new Random(seed);
        int n = random.Next(1, maxOps + 1);
        var b = new GraphBuilder($"tiny-{seed}");
        var tensors = new List<int>();
        for (int i = 0; i < random.Next(0, 3); i++)
        {
            tensors.Add(b.AddGraphInput(random.Next(1, 50), $"in{i}", freeable: random.Next(2) == 0));
        }
        for (int v = 0; v < n; v++)
        {
            int op = b.AddOp(100 + v);
            foreach (int t in tensors)
            {
                if (random.NextDouble() < 0.3)
                {
                    b.AddUse(t, op);
                }
            }
            if (v > 0 && random.NextDouble() < 0.15)
            {
                b.AddControlEdge(random.Next(v), op);
            }
            int outputs = random.Next(0, 10) switch { 0 => 0, < 7 => 1, _ => 2 };
            for (int k = 0; k < outputs; k++)
            {
                tensors.Add(b.AddOutput(op, random.Next(0, 100), graphOutput: random.NextDouble() < 0.15));
            }
        }
        return b.Build();
    }
}
