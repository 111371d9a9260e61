using System.Collections.Immutable;

namespace Scheduler.Graphs;

/// <summary>
/// The later options of the memory model (docs/DESIGN.md §2), each off by default and named in reports by <see cref="Name"/>.
/// <see cref="Default"/> is the plain model every number in the project uses unless a report says otherwise.
/// </summary>
/// <remarks>
/// <para><b>In-place reuse</b> (<see cref="InPlace"/>), as HMCOS (Wang et al., "Hierarchical Memory-Constrained
/// Operator Scheduling of Neural Architecture Search Networks", DAC 2022) and ONNX Runtime's allocation planner
/// (<c>AllocationPlanner::ComputeReuseCount</c> / <c>FindReusableInput</c>, kernels declaring <c>MayInplace</c>) do it:
/// an element-wise op whose input dies at that op writes its output over that input's storage. The rule itself lives in
/// <see cref="MemorySimulator"/>.</para>
/// <para><b>Which ops count as element-wise</b> (<see cref="DefaultElementWiseOps"/>, matched case-insensitively so
/// "Silu", "SiLU" and HF's "silu" agree). An op qualifies when output element i is computed from input elements at
/// index i only (after broadcasting), so writing it over a dying input of the same byte size never overwrites a value
/// still to be read. Included: ONNX unary activations and math (Relu, LeakyRelu, PRelu, Elu, Selu, Celu, Sigmoid,
/// HardSigmoid, HardSwish, Tanh, Gelu, Silu, Mish, Softplus, Softsign, Erf, Exp, Log, Neg, Abs, Sqrt, Reciprocal,
/// Floor, Ceil, Round, Sign, Clip, Cast), binary/variadic arithmetic whose inputs share the output's element type
/// (Add, Sub, Mul, Div, Max, Min, Sum, Where), Identity and Dropout (the identity at inference; its optional mask output
/// is smaller and never matches), BatchNormalization (at inference a per-channel affine map of each element;
/// in training mode X has another reader, the backward op, so it never dies there), and the types the model-graph
/// builders in <c>Scheduler.Graphs.Models</c> emit for element-wise work: "MaskScale" (scores·scale + mask), the HF
/// activation names ("silu", "gelu", "gelu_new", "gelu_pytorch_tanh", "quick_gelu", "relu"), and "Rotary" — not
/// strictly per-element (element i reads its rotation partner), but its kernels rotate query and key in place pair by
/// pair (vLLM's <c>rotary_embedding</c> op writes into <c>query</c>/<c>key</c>).</para>
/// <para>Left out on purpose (conservative): Softmax, LayerNorm, RMSNorm and other row reductions (whole-row reads
/// before writes; runtimes differ), Pow (ONNX lets its exponent have another element type, so a same-byte-size
/// exponent is not a same-shape one), KvAppend (writes into the resident cache), Concat, Slice, Gather, Reshape,
/// Transpose (copies or views — views are a separate, later option). Only non-resident inputs donate, so weights,
/// whose element types may differ, never do.</para>
/// </remarks>
public sealed record MemoryModelOptions
{
    /// <summary>The op types treated as element-wise by default (see the type's remarks for why each is in or out).</summary>
    public static ImmutableHashSet<string> DefaultElementWiseOps { get; } = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "Relu", "LeakyRelu", "PRelu", "Elu", "Selu", "Celu", "Sigmoid", "HardSigmoid", "HardSwish", "Tanh",
        "Gelu", "Silu", "Mish", "Softplus", "Softsign", "Erf", "Exp", "Log", "Neg", "Abs", "Sqrt", "Reciprocal",
        "Floor", "Ceil", "Round", "Sign", "Clip", "Cast",
        "Add", "Sub", "Mul", "Div", "Max", "Min", "Sum", "Where",
        "Identity", "Dropout", "BatchNormalization",
        "MaskScale", "Rotary", "gelu_new", "gelu_pytorch_tanh", "quick_gelu");

    /// <summary>The plain model of docs/DESIGN.md §2: no option on.</summary>
    public static MemoryModelOptions Default { get; } = new();

    /// <summary>The plain model plus in-place reuse by <see cref="DefaultElementWiseOps"/>.</summary>
    public static MemoryModelOptions InPlaceReuse { get; } = new() { InPlace = true };

    /// <summary>
    /// When true, an element-wise op may write an output over an input that dies at it (same byte size, not a graph
    /// output, not resident). Off by default. Under it the working-set and cut bounds of <see cref="MemoryModel"/> are
    /// no longer lower bounds; they keep their no-reuse meaning and reports label them so.
    /// </summary>
    public bool InPlace { get; init; }

    /// <summary>Op types (<see cref="ComputationGraph.OpType"/>) that may reuse an input in place; case-insensitive
    /// when built from <see cref="DefaultElementWiseOps"/>.</summary>
    public ImmutableHashSet<string> ElementWiseOps { get; init; } = DefaultElementWiseOps;

    /// <summary>How reports name the model: "default" or "in-place".</summary>
    public string Name => InPlace ? "in-place" : "default";

    /// <summary>True when ops of type <paramref name="opType"/> may reuse a dying input.</summary>
    public bool IsElementWise(string opType) => ElementWiseOps.Contains(opType ?? "");
}
