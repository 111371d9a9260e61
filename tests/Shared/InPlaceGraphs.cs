using Scheduler.Graphs;

namespace Scheduler.Testing;

/// <summary>Small graphs for the in-place option: typed ops and few distinct sizes, so same-size reuse is common.</summary>
public static class InPlaceGraphs
{
    private static readonly string[] Types = ["Relu", "Add", "Mul", "Conv", "MatMul", "Softmax"];

    /// <summary>Element-wise and other ops, 1–3 outputs each, graph outputs, resident and freeable inputs.</summary>
    public static ComputationGraph Random(int seed, int maxOps = 30)
    {
        var random = new Random(seed);
        int n = random.Next(1, maxOps + 1);
        var b = new GraphBuilder($"inplace-{seed}");
        var tensors = new List<int>();
        for (int i = 0; i < 3; i++)
        {
            tensors.Add(b.AddGraphInput(Size(random), $"in{i}", freeable: random.Next(2) == 0));
        }
        for (int v = 0; v < n; v++)
        {
            int op = b.AddOp(v, $"op{v}", Types[random.Next(Types.Length)]);
            int uses = random.Next(0, 4);
            for (int u = 0; u < uses; u++)
            {
                b.AddUse(tensors[random.Next(Math.Max(0, tensors.Count - 6), tensors.Count)], op);
            }
            int outs = random.Next(3) == 0 ? random.Next(1, 4) : 1;
            for (int k = 0; k < outs; k++)
            {
                tensors.Add(b.AddOutput(op, Size(random), $"t{v}.{k}", graphOutput: random.Next(10) == 0));
            }
        }
        return b.Build();
    }

    /// <summary>A chain source → Relu → Relu → ... of <paramref name="length"/> ops, every tensor <paramref name="size"/> bytes.</summary>
    public static ComputationGraph ReluChain(int length, long size)
    {
        var b = new GraphBuilder("relu-chain");
        int op = b.AddOp(0, "conv", "Conv");
        int t = b.AddOutput(op, size, "t0");
        for (int i = 1; i < length; i++)
        {
            op = b.AddOp(i, $"relu{i}", "Relu");
            b.AddUse(t, op);
            t = b.AddOutput(op, size, $"t{i}");
        }
        return b.Build();
    }

    /// <summary>
    /// a → x; x is read by Relu r (op 1) and MatMul m (op 2). If r ran before m and wrote over x, m would read r's
    /// result: reuse of x at r is legal only when m has already run.
    /// </summary>
    public static ComputationGraph ReaderAfterRelu()
    {
        var b = new GraphBuilder("clobber");
        int a = b.AddOp(0, "a", "Conv");
        int x = b.AddOutput(a, 100, "x");
        int r = b.AddOp(1, "r", "Relu");
        b.AddUse(x, r);
        b.AddOutput(r, 100, "y", graphOutput: true);
        int m = b.AddOp(2, "m", "MatMul");
        b.AddUse(x, m);
        b.AddOutput(m, 10, "z", graphOutput: true);
        return b.Build();
    }

    private static long Size(Random random) => random.Next(4) switch { 0 => 0, 1 => 64, 2 => 128, _ => 256 };
}
