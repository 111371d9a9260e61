namespace Scheduler.Graphs.Models;

/// <summary>
/// One training step of a preset (phase <c>train-step</c>), at the op granularity of the inference graphs: the forward
/// pass over all tokens (no KV cache: training attends within the sequence), cross-entropy loss over every position,
/// then the backward pass in reverse — layer by layer, each op's gradient ops right where autograd runs them — and the
/// optimizer updates (<see cref="GradientTape"/>). Saved activations are the forward tensors the backward ops read, so
/// they live from the forward to the backward (docs/DESIGN.md §2). Multimodal presets train as LLaVA-1.5's second stage
/// (Liu et al. 2023, arXiv 2310.03744, §4.2): the CLIP tower is frozen (forward only, no gradients), the projector or
/// adapter and the language model are trained. No dropout (Llama has none; OPT's 0.1 would add same-size masks).
/// </summary>
internal static class TrainStepEmitter
{
    public static void Emit(OpEmitter e, ModelPreset preset, int seq)
    {
        var t = new GradientTape(e);
        var c = preset.Text;
        long h = c.HiddenSize;
        int imageTokens = preset.Vision?.PatchCount ?? 0;
        long queries = checked(imageTokens + (long)seq);
        int ids = e.Input("input_ids", (long)seq * OpEmitter.IndexBytes);
        int positions = e.Input("position_ids", queries * OpEmitter.IndexBytes);
        // HF shifts labels inside the loss; image positions carry label −100, so labels span every position.
        int labels = e.Input("labels", queries * OpEmitter.IndexBytes);
        int table = t.Parameter("embed_tokens.weight", (long)c.VocabSize * h);
        int hidden = TrainingOps.Embedding(t, "embed_tokens", table, ids, seq * h);
        if (preset.Vision is not null && preset.Projector is not null)
        {
            int features = VisionEmitter.Emit(e, preset.Vision, "vision_tower.");
            string scope = preset.IsDrafter ? "image_adapter" : "multi_modal_projector";
            var a = preset.Projector;
            int x = TrainingOps.Linear(t, scope + ".linear_1", scope + ".linear_1", imageTokens, a.InputSize, a.HiddenSize, true, features);
            x = TrainingOps.Unary(t, scope + ".act", a.Act, imageTokens * (long)a.HiddenSize, x, savesOutput: false);
            x = TrainingOps.Linear(t, scope + ".linear_2", scope + ".linear_2", imageTokens, a.HiddenSize, a.OutputSize, true, x);
            hidden = TrainingOps.Concat(t, "merge_image_tokens", queries * h, [x, hidden]);
        }
        int mask = e.Op("causal_mask", "CausalMask", queries * queries, positions);
        int cos = -1, sin = -1;
        if (c.Positions == PositionKind.Rotary)
        {
            long bytes = checked(queries * c.HeadDim * e.DtypeBytes);
            int[] cs = e.OpMulti("rotary_emb", "RotaryEmbedding", [bytes, bytes], ["cos", "sin"], positions);
            (cos, sin) = (cs[0], cs[1]);
        }
        else
        {
            int positionTable = t.Parameter("embed_positions.weight", (c.MaxPositionEmbeddings + c.PositionOffset) * h);
            int pos = TrainingOps.Embedding(t, "embed_positions", positionTable, positions, queries * h);
            hidden = TrainingOps.Add(t, "embed_add", queries * h, hidden, pos);
        }
        for (int l = 0; l < c.NumHiddenLayers; l++)
        {
            hidden = Layer(t, c, $"layers.{l}.", queries, hidden, mask, cos, sin);
        }
        hidden = TrainingOps.Norm(t, c.Norm, "norm", "norm", queries, h, hidden);
        int head = c.TieWordEmbeddings ? table : t.Parameter("lm_head.weight", c.VocabSize * h);
        int logits = TrainingOps.LinearOn(t, "lm_head", queries, c.VocabSize, head, -1, hidden);
        // Cross-entropy (log-softmax + NLL): the loss is a 4-byte fp32 scalar; its backward, softmax − one-hot, reads
        // the logits (PyTorch saves the log-softmax output, the same size).
        e.MarkOutput(e.OpBytes("loss", "CrossEntropy", 4, logits, labels));
        t.Accumulate(logits, t.Grad("loss", "CrossEntropyGrad", t.Elements(logits), logits, labels));
        t.Backward();
        t.OptimizerStep();
    }

    /// <summary>One decoder layer without a KV cache, in HF's order; every op differentiable.</summary>
    private static int Layer(GradientTape t, TransformerConfig c, string at, long q, int hidden, int mask, int cos, int sin)
    {
        long h = c.HiddenSize, kv = c.KeyValueWidth;
        int x = TrainingOps.Norm(t, c.Norm, at + "input_layernorm", at + "input_layernorm", q, h, hidden);
        int query = TrainingOps.Linear(t, at + "attn.q_proj", at + "attn.q_proj", q, h, h, c.AttentionBias, x);
        int key = TrainingOps.Linear(t, at + "attn.k_proj", at + "attn.k_proj", q, h, kv, c.AttentionBias, x);
        int value = TrainingOps.Linear(t, at + "attn.v_proj", at + "attn.v_proj", q, h, kv, c.AttentionBias, x);
        if (cos >= 0)
        {
            query = TrainingOps.Rotary(t, at + "attn.q_rotary", q * h, query, cos, sin);
            key = TrainingOps.Rotary(t, at + "attn.k_rotary", q * kv, key, cos, sin);
        }
        long scoreElements = checked(c.NumAttentionHeads * q * q);
        int scores = TrainingOps.Product(t, at + "attn.scores", "MatMul", scoreElements, query, "query", key, "key");
        int masked = TrainingOps.MaskScale(t, at + "attn.mask_scale", scoreElements, scores, mask);
        int probs = TrainingOps.Unary(t, at + "attn.softmax", "Softmax", scoreElements, masked, savesOutput: true);
        int context = TrainingOps.Product(t, at + "attn.weighted_sum", "MatMul", q * h, probs, "probs", value, "value");
        int output = TrainingOps.Linear(t, at + "attn.o_proj", at + "attn.o_proj", q, h, h, c.AttentionBias, context);
        hidden = TrainingOps.Add(t, at + "attn.residual", q * h, hidden, output);
        x = TrainingOps.Norm(t, c.Norm, at + "post_attention_layernorm", at + "post_attention_layernorm", q, h, hidden);
        long inner = c.IntermediateSize;
        int down;
        bool relu = c.HiddenAct == "relu";
        if (c.Ffn == FfnKind.Gated)
        {
            int gate = TrainingOps.Linear(t, at + "mlp.gate_proj", at + "mlp.gate_proj", q, h, inner, c.MlpBias, x);
            int up = TrainingOps.Linear(t, at + "mlp.up_proj", at + "mlp.up_proj", q, h, inner, c.MlpBias, x);
            int act = TrainingOps.Unary(t, at + "mlp.act", c.HiddenAct, q * inner, gate, relu);
            int mul = TrainingOps.Product(t, at + "mlp.mul", "Mul", q * inner, act, "act", up, "up");
            down = TrainingOps.Linear(t, at + "mlp.down_proj", at + "mlp.down_proj", q, inner, h, c.MlpBias, mul);
        }
        else
        {
            int fc1 = TrainingOps.Linear(t, at + "mlp.fc1", at + "mlp.fc1", q, h, inner, c.MlpBias, x);
            int act = TrainingOps.Unary(t, at + "mlp.act", c.HiddenAct, q * inner, fc1, relu);
            down = TrainingOps.Linear(t, at + "mlp.fc2", at + "mlp.fc2", q, inner, h, c.MlpBias, act);
        }
        return TrainingOps.Add(t, at + "mlp.residual", q * h, hidden, down);
    }
}
