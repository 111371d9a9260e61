namespace Scheduler.Graphs.Models;

/// <summary>
/// Which inference (or training) step a model graph describes, with its sizes. Verify passes process the pending (last accepted)
/// token plus the drafts — <c>Draft + 1</c> queries for a chain, <c>Tree.Count + 1</c> for a tree — as Hugging Face's
/// assisted generation and SpecInfer do, so the target also yields the bonus token.
/// </summary>
/// <param name="Kind">The step.</param>
/// <param name="Seq">Prompt tokens (prefill) or training tokens (train-step); for LLaVA the text tokens, the 576 image
/// tokens come on top.</param>
/// <param name="Context">Tokens already in the KV cache (decode and verify phases).</param>
/// <param name="Draft">Draft tokens (spec-verify, spec-step).</param>
/// <param name="Tree">The draft-token tree (tree-verify).</param>
public sealed record ModelPhase(PhaseKind Kind, int Seq, int Context, int Draft, DraftTree? Tree)
{
    /// <summary>Default prompt length.</summary>
    public const int DefaultSeq = 512;

    /// <summary>Default KV-cache length.</summary>
    public const int DefaultContext = 1024;

    /// <summary>Default number of draft tokens.</summary>
    public const int DefaultDraft = 4;

    /// <summary>Default draft-tree size.</summary>
    public const int DefaultTree = 16;

    /// <summary>The CLI names of the phases, in <see cref="PhaseKind"/> order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["prefill", "decode", "spec-verify", "spec-step", "tree-verify", "train-step"];

    /// <summary>Prefill of <paramref name="seq"/> prompt tokens.</summary>
    public static ModelPhase Prefill(int seq = DefaultSeq) => new ModelPhase(PhaseKind.Prefill, seq, 0, 0, null).Validated();

    /// <summary>One decode step over a cache of <paramref name="context"/> tokens.</summary>
    public static ModelPhase Decode(int context = DefaultContext)
        => new ModelPhase(PhaseKind.Decode, 0, context, 0, null).Validated();

    /// <summary>The target's causal verify of <paramref name="draft"/> draft tokens.</summary>
    public static ModelPhase SpecVerify(int context = DefaultContext, int draft = DefaultDraft)
        => new ModelPhase(PhaseKind.SpecVerify, 0, context, draft, null).Validated();

    /// <summary>Drafter's <paramref name="draft"/> steps plus the target's verify, as one graph.</summary>
    public static ModelPhase SpecStep(int context = DefaultContext, int draft = DefaultDraft)
        => new ModelPhase(PhaseKind.SpecStep, 0, context, draft, null).Validated();

    /// <summary>The target's tree-attention verify of <paramref name="tree"/> (default: a binary tree of 16).</summary>
    public static ModelPhase TreeVerify(int context = DefaultContext, DraftTree? tree = null)
        => new ModelPhase(PhaseKind.TreeVerify, 0, context, 0, tree ?? DraftTree.Balanced(DefaultTree)).Validated();

    /// <summary>One training step (forward, loss, backward, optimizer update) over <paramref name="seq"/> tokens.</summary>
    public static ModelPhase TrainStep(int seq = DefaultSeq) => new ModelPhase(PhaseKind.TrainStep, seq, 0, 0, null).Validated();

    /// <summary>Makes a phase from its CLI name and optional sizes (defaults fill the rest).</summary>
    /// <exception cref="ArgumentException">The name is unknown or a size is out of range.</exception>
    public static ModelPhase Parse(string name, int? seq = null, int? context = null, int? draft = null, int? tree = null)
    {
        return (name ?? "").ToLowerInvariant() switch
        {
            "prefill" => Prefill(seq ?? DefaultSeq),
            "decode" => Decode(context ?? DefaultContext),
            "spec-verify" => SpecVerify(context ?? DefaultContext, draft ?? DefaultDraft),
            "spec-step" => SpecStep(context ?? DefaultContext, draft ?? DefaultDraft),
            "tree-verify" => TreeVerify(context ?? DefaultContext, DraftTree.Balanced(tree ?? DefaultTree)),
            "train-step" => TrainStep(seq ?? DefaultSeq),
            _ => throw new ArgumentException(
                $"Unknown phase '{name}'; expected one of {string.Join(", ", Names)}.", nameof(name)),
        };
    }

    /// <summary>CLI name of <see cref="Kind"/>.</summary>
    public string Name => Names[(int)Kind];

    /// <summary>New tokens the (target) model processes in this phase.</summary>
    public int Queries => Kind switch
    {
        PhaseKind.Prefill or PhaseKind.TrainStep => Seq,
        PhaseKind.Decode => 1,
        PhaseKind.TreeVerify => Tree!.Count + 1,
        _ => Draft + 1,
    };

    /// <summary>Short label for graph names: "prefill-s512", "spec-step-c1024-k4", "tree-verify-c1024-t16",
    /// "train-step-s512".</summary>
    public string Label => Kind switch
    {
        PhaseKind.Prefill or PhaseKind.TrainStep => $"{Name}-s{Seq}",
        PhaseKind.Decode => $"{Name}-c{Context}",
        PhaseKind.TreeVerify => $"{Name}-c{Context}-t{Tree!.Count}",
        _ => $"{Name}-c{Context}-k{Draft}",
    };

    private ModelPhase Validated()
    {
        Guard.That(Kind is not (PhaseKind.Prefill or PhaseKind.TrainStep) || Seq > 0, nameof(Seq), $"{Name} needs --seq > 0, got {Seq}.");
        Guard.That(Kind is PhaseKind.Prefill or PhaseKind.TrainStep || Context >= 0, nameof(Context), $"--context must be >= 0, got {Context}.");
        Guard.That(Kind is not (PhaseKind.SpecVerify or PhaseKind.SpecStep) || Draft > 0, nameof(Draft),
            $"{Name} needs --draft > 0, got {Draft}.");
        Guard.That(Kind != PhaseKind.TreeVerify || Tree is not null, nameof(Tree), "tree-verify needs a draft tree.");
        return this;
    }
}
