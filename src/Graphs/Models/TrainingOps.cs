namespace Scheduler.Graphs.Models;

/// <summary>
/// Differentiable forward ops for training graphs, each with the backward rule and saved tensors of PyTorch autograd
/// (<c>tools/autograd/derivatives.yaml</c>): a linear layer saves its input (dW = xᵀ·dy; dx = dy·Wᵀ reads the
/// resident weight), RMSNorm/LayerNorm save their input, SiLU/GELU their input and ReLU its output, softmax its output,
/// a product A·B (or A⊙B) both operands, rotary its cos/sin tables; adds, the mask+scale and concatenation save
/// nothing. Gradient ops are named <c>grad.{op}.{operand}</c>.
/// </summary>
internal static class TrainingOps
{
    /// <summary>A linear layer with new parameters <c>{weight}.weight</c> <c>[in, out]</c> (and <c>.bias</c>).</summary>
    public static int Linear(GradientTape t, string op, string weight, long rows, long inFeatures, long outFeatures,
        bool bias, int x)
    {
        int w = t.Parameter(weight + ".weight", checked(inFeatures * outFeatures));
        int b = bias ? t.Parameter(weight + ".bias", outFeatures) : -1;
        return LinearOn(t, op, rows, outFeatures, w, b, x);
    }

    /// <summary>A linear layer over an existing weight (a tied lm-head reuses the embedding table).</summary>
    public static int LinearOn(GradientTape t, string op, long rows, long outFeatures, int w, int b, int x)
    {
        int[] inputs = b >= 0 ? [x, w, b] : [x, w];
        return t.Forward(op, "MatMul", checked(rows * outFeatures), inputs, (dy, _) =>
        {
            t.GradFor(x, op + ".input", "MatMul", dy, w);
            t.Accumulate(w, t.Grad(op + ".weight", "MatMul", t.Elements(w), dy, x));
            if (b >= 0)
            {
                t.Accumulate(b, t.Grad(op + ".bias", "ReduceSum", outFeatures, dy));
            }
        });
    }

    /// <summary>RMSNorm (scale) or LayerNorm (scale and bias) over rows of <paramref name="width"/>.</summary>
    public static int Norm(GradientTape t, NormKind kind, string op, string weight, long rows, long width, int x)
    {
        string type = kind == NormKind.RmsNorm ? "RMSNorm" : "LayerNorm";
        int w = t.Parameter(weight + ".weight", width);
        int b = kind == NormKind.LayerNorm ? t.Parameter(weight + ".bias", width) : -1;
        int[] inputs = b >= 0 ? [x, w, b] : [x, w];
        return t.Forward(op, type, checked(rows * width), inputs, (dy, _) =>
        {
            t.GradFor(x, op + ".input", type + "Grad", dy, x, w);
            t.Accumulate(w, t.Grad(op + ".weight", type + "WeightGrad", width, dy, x));
            if (b >= 0)
            {
                t.Accumulate(b, t.Grad(op + ".bias", "ReduceSum", width, dy));
            }
        });
    }

    /// <summary>An element-wise activation or softmax; the backward reads the output when
    /// <paramref name="savesOutput"/> (ReLU, softmax), else the input (SiLU, GELU).</summary>
    public static int Unary(GradientTape t, string op, string type, long elements, int x, bool savesOutput)
        => t.Forward(op, type, elements, [x], (dy, y) => t.GradFor(x, op + ".input", type + "Grad", dy, savesOutput ? y : x));

    /// <summary>A product of two activations (QKᵀ, P·V, or element-wise): each operand's gradient reads the other.</summary>
    public static int Product(GradientTape t, string op, string type, long elements, int a, string aName, int b, string bName)
        => t.Forward(op, type, elements, [a, b], (dy, _) =>
        {
            t.GradFor(a, $"{op}.{aName}", type, dy, b);
            t.GradFor(b, $"{op}.{bName}", type, dy, a);
        });

    /// <summary>A residual add: the gradient flows unchanged to both operands (no op).</summary>
    public static int Add(GradientTape t, string op, long elements, int a, int b)
        => t.Forward(op, "Add", elements, [a, b], (dy, _) =>
        {
            t.Accumulate(a, dy);
            t.Accumulate(b, dy);
        });

    /// <summary>Rotary embedding of q or k: the backward rotates back with the saved cos/sin tables.</summary>
    public static int Rotary(GradientTape t, string op, long elements, int x, int cos, int sin)
        => t.Forward(op, "Rotary", elements, [x, cos, sin], (dy, _) => t.GradFor(x, op + ".input", "RotaryGrad", dy, cos, sin));

    /// <summary>Causal mask and 1/√d scale: the backward only scales (masked entries already have zero gradient).</summary>
    public static int MaskScale(GradientTape t, string op, long elements, int scores, int mask)
        => t.Forward(op, "MaskScale", elements, [scores, mask], (dy, _) => t.GradFor(scores, op + ".input", "Scale", dy));

    /// <summary>An embedding gather; its weight gradient scatters the rows back by the saved ids (a dense table, as
    /// <c>nn.Embedding(sparse=False)</c>).</summary>
    public static int Embedding(GradientTape t, string op, int table, int ids, long elements)
        => t.Forward(op, "Gather", elements, [ids, table], (dy, _) =>
            t.Accumulate(table, t.Grad(op + ".weight", "EmbeddingGrad", t.Elements(table), dy, ids)));

    /// <summary>Concatenation along tokens; the backward splits the gradient for the parts that need one.</summary>
    public static int Concat(GradientTape t, string op, long elements, int[] parts)
        => t.Forward(op, "Concat", elements, parts, (dy, _) =>
        {
            var needed = Array.FindAll(parts, t.RequiresGrad);
            var sizes = Array.ConvertAll(needed, t.Elements);
            var names = Array.ConvertAll(needed, p => $"part{Array.IndexOf(parts, p)}");
            int[] grads = t.GradMulti(op + ".input", "Split", sizes, names, dy);
            for (int i = 0; i < needed.Length; i++)
            {
                t.Accumulate(needed[i], grads[i]);
            }
        });
}
