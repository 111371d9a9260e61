namespace Scheduler.Graphs.Models;

/// <summary>
/// Builds one graph per (preset, phase): prefill (vision tower and projector first for multimodal presets), a
/// single-model pass over a resident KV cache (decode, spec-verify, tree-verify), or spec-step, the drafter's chained
/// decode steps followed by the target's verify (Leviathan et al. 2023, "Fast Inference from Transformers via
/// Speculative Decoding"; Chen et al. 2023, speculative sampling).
/// </summary>
internal static class ModelGraphFactory
{
    public static ComputationGraph Build(ModelPreset preset, ModelPreset? partner, ModelPhase phase, int dtypeBytes,
        ModelGraphOptions options)
    {
        var e = new OpEmitter($"{preset.Name}-{phase.Label}{options.Suffix}", dtypeBytes, options);
        switch (phase.Kind)
        {
            case PhaseKind.Prefill:
                Prefill(e, preset, phase.Seq);
                break;
            case PhaseKind.TrainStep:
                TrainStepEmitter.Emit(e, preset, phase.Seq);
                break;
            case PhaseKind.SpecStep:
                var (drafter, target) = preset.IsDrafter ? (preset, partner!) : (partner!, preset);
                SpecStep(e, drafter.Text, target.Text, phase.Context, phase.Draft);
                break;
            default:
                CachedPass(e, preset.Text, phase);
                break;
        }
        return e.Build();
    }

    private static void Prefill(OpEmitter e, ModelPreset preset, int seq)
    {
        var c = preset.Text;
        int imageTokens = preset.Vision?.PatchCount ?? 0;
        int queries = checked(imageTokens + seq);
        int ids = e.Input("input_ids", (long)seq * OpEmitter.IndexBytes);
        int positions = e.Input("position_ids", (long)queries * OpEmitter.IndexBytes);
        // HF LlavaForConditionalGeneration embeds the text first, then runs the tower and projector, then scatters the
        // image features into the image-token slots (a concat, size-wise).
        int hidden = DecoderEmitter.EmbedTokens(e, c, "", "", seq, ids);
        if (preset.Vision is not null && preset.Projector is not null)
        {
            int features = VisionEmitter.Emit(e, preset.Vision, "vision_tower.");
            string scope = preset.IsDrafter ? "image_adapter" : "multi_modal_projector";
            int image = e.Adapter(preset.Projector, scope, imageTokens, features);
            hidden = e.Op("merge_image_tokens", "Concat", (long)queries * c.HiddenSize, image, hidden);
        }
        int mask = e.Op("causal_mask", "CausalMask", (long)queries * queries, positions);
        // In place, prefill fills a static cache of the prompt's length (HF StaticCache): no cached tokens before it.
        var pass = new DecoderPass("", "", queries, 0, 1, mask, positions, null, InPlaceCapacity(e, queries));
        e.MarkOutput(DecoderEmitter.Emit(e, c, pass, hidden));
    }

    private static void CachedPass(OpEmitter e, TransformerConfig c, ModelPhase phase)
    {
        int queries = phase.Queries;
        long indexBytes = (long)queries * OpEmitter.IndexBytes;
        int ids = e.Input("input_ids", indexBytes);
        int positions = e.Input("position_ids", indexBytes);
        int hidden = DecoderEmitter.EmbedTokens(e, c, "", "", queries, ids);
        long maskElements = (long)queries * (phase.Context + queries);
        int parents = -1, mask;
        if (phase.Kind == PhaseKind.TreeVerify)
        {
            // Tree attention: query i sees the cache, the root and its own ancestors (DraftTree.Attends). Same shape as
            // the causal mask; the parent list also drives the accept step's longest-accepted-path search.
            parents = e.Input("tree_parents", (long)phase.Tree!.Count * OpEmitter.IndexBytes);
            mask = e.Op("tree_mask", "TreeMask", maskElements, positions, parents);
        }
        else
        {
            mask = e.Op("causal_mask", "CausalMask", maskElements, positions);
        }
        int logitRows = phase.Kind == PhaseKind.Decode ? 1 : queries;
        var pass = new DecoderPass("", "", queries, phase.Context, logitRows, mask, positions, null,
            InPlaceCapacity(e, phase.Context + queries));
        int logits = DecoderEmitter.Emit(e, c, pass, hidden);
        e.MarkOutput(logits);
        if (phase.Kind == PhaseKind.Decode)
        {
            return;
        }
        // Greedy verification: the target's argmax at each position against the drafted ids.
        int choice = e.OpBytes("verify.argmax", "ArgMax", indexBytes, logits);
        int accepted = parents >= 0
            ? e.OpBytes("verify.accept", "TreeAccept", indexBytes, choice, ids, parents)
            : e.OpBytes("verify.accept", "Accept", indexBytes, choice, ids);
        e.MarkOutput(accepted);
    }

    private static void SpecStep(OpEmitter e, TransformerConfig drafter, TransformerConfig target, int context, int draft)
    {
        Guard.That(drafter.VocabSize == target.VocabSize, nameof(drafter),
            $"A drafter must share its target's vocabulary: {drafter.VocabSize} vs {target.VocabSize} tokens.");
        long vocab = drafter.VocabSize;
        int pending = e.Input("input_ids", OpEmitter.IndexBytes);
        var chain = new KvChain(drafter.NumHiddenLayers);
        var drafts = new List<int> { pending };
        var draftProbs = new List<int>();
        int previous = pending;
        for (int i = 1; i <= draft; i++)
        {
            // Each drafter step is a decode of one token whose input is the previous step's sample; its attention
            // also reads the KV entries the earlier steps appended (KvChain).
            string scope = $"drafter.step{i}.";
            int positions = e.Input(scope + "position_ids", OpEmitter.IndexBytes);
            int hidden = DecoderEmitter.EmbedTokens(e, drafter, scope, "drafter.", 1, previous);
            int mask = e.Op(scope + "causal_mask", "CausalMask", (long)context + chain.Tokens + 1, positions);
            var pass = new DecoderPass(scope, "drafter.", 1, context, 1, mask, positions, chain, InPlaceCapacity(e, context + draft));
            int logits = DecoderEmitter.Emit(e, drafter, pass, hidden);
            // Speculative sampling keeps the drafter's whole distribution q(·) for the accept/resample test.
            int probs = e.Op(scope + "softmax", "Softmax", vocab, logits);
            previous = e.OpBytes(scope + "sample", "Sample", OpEmitter.IndexBytes, probs);
            drafts.Add(previous);
            draftProbs.Add(probs);
        }
        int queries = draft + 1;
        long indexBytes = (long)queries * OpEmitter.IndexBytes;
        int tokens = e.OpBytes("target.draft_tokens", "Concat", indexBytes, [.. drafts]);
        int targetPositions = e.Input("target.position_ids", indexBytes);
        int targetHidden = DecoderEmitter.EmbedTokens(e, target, "target.", "target.", queries, tokens);
        int targetMask = e.Op("target.causal_mask", "CausalMask", (long)queries * (context + queries), targetPositions);
        var verify = new DecoderPass("target.", "target.", queries, context, queries, targetMask, targetPositions, null,
            InPlaceCapacity(e, context + queries));
        int targetLogits = DecoderEmitter.Emit(e, target, verify, targetHidden);
        e.MarkOutput(targetLogits);
        draftProbs.Insert(0, tokens);
        draftProbs.Insert(0, targetLogits);
        e.MarkOutput(e.OpBytes("verify.accept", "SpeculativeAccept", indexBytes, [.. draftProbs]));
    }

    /// <summary>The cache capacity of a pass that writes <paramref name="tokens"/> rows' worth of cache in place, or 0
    /// when the graph appends its rows beside the cache.</summary>
    private static int InPlaceCapacity(OpEmitter e, int tokens) => e.Options.KvInPlace ? tokens : 0;
}
