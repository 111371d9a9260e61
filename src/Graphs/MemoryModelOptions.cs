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
/// Transpose (copies or views: see <see cref="Views"/>). Only non-resident inputs donate, so weights, whose element
/// types may differ, never do.</para>
/// <para><b>Views and aliases</b> (<see cref="Views"/>): an output the graph marks as an alias of one of its op's inputs
/// (<see cref="ComputationGraph.AliasOf"/>: JSON <c>alias_of</c>, the ONNX reader's and the model zoo's view ops, whose
/// default set is <see cref="DefaultViewOps"/>) allocates nothing and shares that input's storage, which stays live
/// until the last consumer of any alias has run (alias chains included). Off, every alias is a copy, as before.</para>
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

    /// <summary>
    /// The op types the ONNX reader and the model zoo mark as views of their first input by default: ONNX Reshape,
    /// Flatten, Squeeze, Unsqueeze and Identity, which only relabel the shape of a contiguous buffer in every runtime
    /// (PyTorch <c>view</c>, ONNX Runtime's reshape kernels alias their input). Transpose is left out: it is a view only
    /// in runtimes with strided tensors (PyTorch eager), a copy in ONNX Runtime and TFLite; add it with
    /// <c>--view-ops</c> (<see cref="ViewOpsWithTranspose"/>).
    /// </summary>
    public static ImmutableHashSet<string> DefaultViewOps { get; } = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase, "Reshape", "Flatten", "Squeeze", "Unsqueeze", "Identity");

    /// <summary><see cref="DefaultViewOps"/> plus Transpose (runtimes with strided views).</summary>
    public static ImmutableHashSet<string> ViewOpsWithTranspose { get; } = DefaultViewOps.Add("Transpose");

    /// <summary>The plain model of docs/DESIGN.md §2: no option on.</summary>
    public static MemoryModelOptions Default { get; } = new();

    /// <summary>The plain model plus in-place reuse by <see cref="DefaultElementWiseOps"/>.</summary>
    public static MemoryModelOptions InPlaceReuse { get; } = new() { InPlace = true };

    /// <summary>
    /// When true, an element-wise op may write an output over an input that dies at it (same byte size, not a graph
    /// output, not resident). Off by default. The working-set and cut bounds of <see cref="MemoryModel"/> take the
    /// options and stay lower bounds under them.
    /// </summary>
    public bool InPlace { get; init; }

    /// <summary>Op types (<see cref="ComputationGraph.OpType"/>) that may reuse an input in place; case-insensitive
    /// when built from <see cref="DefaultElementWiseOps"/>.</summary>
    public ImmutableHashSet<string> ElementWiseOps { get; init; } = DefaultElementWiseOps;

    /// <summary>
    /// When true, an output the graph marks as an alias (<see cref="ComputationGraph.AliasOf"/>) allocates nothing and
    /// keeps its source's storage live until the last consumer of every alias of it. Off by default: aliases are copies.
    /// </summary>
    public bool Views { get; init; }

    /// <summary>Every combination of the options, default first (what the tests and the measurements run over).</summary>
    public static IReadOnlyList<MemoryModelOptions> All { get; } =
        [Default, InPlaceReuse, new() { Views = true }, new() { InPlace = true, Views = true }];

    /// <summary>The names <see cref="Parse"/> accepts, in the order of <see cref="All"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["default", "in-place", "views", "in-place+views"];

    /// <summary>How reports name the model: "default", "in-place", "views" or "in-place+views".</summary>
    public string Name => (InPlace, Views) switch
    {
        (false, false) => "default",
        (true, false) => "in-place",
        (false, true) => "views",
        _ => "in-place+views",
    };

    /// <summary>True for <see cref="Default"/>'s rule (no option on): the bounds of <see cref="MemoryModel"/> and every
    /// solver's own model describe exactly this.</summary>
    public bool IsDefault => !InPlace && !Views;

    /// <summary>The options named <paramref name="name"/> (one of <see cref="Names"/>), or null.</summary>
    public static MemoryModelOptions? Parse(string name) => name switch
    {
        "default" => Default,
        "in-place" => InPlaceReuse,
        "views" => All[2],
        "in-place+views" or "views+in-place" => All[3],
        _ => null,
    };

    /// <summary>True when ops of type <paramref name="opType"/> may reuse a dying input.</summary>
    public bool IsElementWise(string opType) => ElementWiseOps.Contains(opType ?? "");
}
