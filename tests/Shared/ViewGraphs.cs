using Scheduler.Graphs;

namespace Scheduler.Testing;

/// <summary>Small graphs for the views option: element-wise ops, copies and view ops (Reshape, also chained and of
/// resident or freeable inputs), few distinct sizes so that in-place reuse meets views often.</summary>
public static class ViewGraphs
{
    private static readonly string[] Types = ["Relu", "Add", "Conv", "Reshape", "Reshape", "MatMul"];

    /// <summary>A random graph of 1..<paramref name="maxOps"/> ops; every Reshape's single output is marked as an alias
    /// of one of its inputs (and is no larger).</summary>
    public static ComputationGraph Random(int seed, int maxOps = 30)
    {
        var random = new Random(seed);
        int n = random.Next(1, maxOps + 1);
        var b = new GraphBuilder($"views-{seed}");
        var tensors = new List<int>();
        for (int i = 0; i < 2; i++)
        {
            tensors.Add(b.AddGraphInput(Size(random), $"in{i}", freeable: random.Next(2) == 0));
        }
        for (int v = 0; v < n; v++)
        {
            string type = Types[random.Next(Types.Length)];
            int op = b.AddOp(v, $"op{v}", type);
            var inputs = new List<int>();
            int uses = type == "Reshape" ? 1 : random.Next(0, 4);
            for (int u = 0; u < uses; u++)
            {
                int t = tensors[random.Next(Math.Max(0, tensors.Count - 6), tensors.Count)];
                b.AddUse(t, op);
                inputs.Add(t);
            }
            if (type == "Reshape")
            {
                int view = b.AddOutput(op, b.TensorSize(inputs[0]) - (random.Next(4) == 0 ? 10 : 0), $"t{v}", graphOutput: random.Next(12) == 0);
                b.MarkAlias(view, inputs[0]);
                tensors.Add(view);
                continue;
            }
            int outs = random.Next(4) == 0 ? 2 : 1;
            for (int k = 0; k < outs; k++)
            {
                tensors.Add(b.AddOutput(op, Size(random), $"t{v}.{k}", graphOutput: random.Next(10) == 0));
            }
        }
        return b.Build();
    }

    /// <summary>x (100 B, Conv) → Reshape → Reshape → Relu (100 B) → y, x also read by the final Add with the Relu's output.</summary>
    public static ComputationGraph ReshapeChain()
    {
        var b = new GraphBuilder("reshape-chain");
        int conv = b.AddOp(0, "conv", "Conv");
        int x = b.AddOutput(conv, 100, "x");
        int r1 = b.AddOp(1, "r1", "Reshape");
        b.AddUse(x, r1);
        int v1 = b.AddOutput(r1, 100, "v1");
        b.MarkAlias(v1, x);
        int r2 = b.AddOp(2, "r2", "Reshape");
        b.AddUse(v1, r2);
        int v2 = b.AddOutput(r2, 100, "v2");
        b.MarkAlias(v2, v1);
        int relu = b.AddOp(3, "relu", "Relu");
        b.AddUse(v2, relu);
        int y = b.AddOutput(relu, 100, "y");
        int add = b.AddOp(4, "add", "Add");
        b.AddUse(y, add);
        b.AddUse(x, add);
        b.AddOutput(add, 100, "z", graphOutput: true);
        return b.Build();
    }

    private static long Size(Random random) => random.Next(3) switch { 0 => 100, 1 => 50, _ => random.Next(1, 4) * 30 };
}
