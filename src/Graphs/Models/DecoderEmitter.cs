namespace Scheduler.Graphs.Models;

/// <summary>
/// Emits a decoder-only transformer at the op granularity of docs/DESIGN.md §6, in the order Hugging Face's
/// <c>LlamaForCausalLM</c> / <c>OPTForCausalLM</c> run it: per layer norm, q/k/v projections, rotary, KV-cache append,
/// scores QKᵀ, mask+scale, softmax, ·V, output projection, residual, norm, MLP parts, residual; then final norm and
/// lm-head. The KV cache is a resident input per layer; each append's output (the new entries) is a graph output.
/// </summary>
internal static class DecoderEmitter
{
    /// <summary>Token-embedding gather <c>[rows, hidden]</c>.</summary>
    public static int EmbedTokens(OpEmitter e, TransformerConfig c, string scope, string weightScope, long rows, int inputIds)
    {
        int table = e.Weight(weightScope + "embed_tokens.weight", (long)c.VocabSize * c.HiddenSize);
        return e.Op(scope + "embed_tokens", "Gather", rows * c.HiddenSize, inputIds, table);
    }

    /// <summary>Emits the stack over <paramref name="hidden"/> (<c>[Queries, hidden]</c>); returns the logits tensor.</summary>
    public static int Emit(OpEmitter e, TransformerConfig c, DecoderPass p, int hidden)
    {
        long q = p.Queries, h = c.HiddenSize;
        int cos = -1, sin = -1;
        if (c.Positions == PositionKind.Rotary)
        {
            // HF computes cos/sin once per forward (LlamaRotaryEmbedding) and every layer reads them.
            long bytes = checked(q * c.HeadDim * e.DtypeBytes);
            int[] cs = e.OpMulti(p.Scope + "rotary_emb", "RotaryEmbedding", [bytes, bytes], ["cos", "sin"], p.PositionIds);
            (cos, sin) = (cs[0], cs[1]);
        }
        else
        {
            // OPTLearnedPositionalEmbedding: table of max_positions + offset (2) rows, added to the token embeddings.
            int table = e.Weight(p.WeightScope + "embed_positions.weight", (long)(c.MaxPositionEmbeddings + c.PositionOffset) * h);
            int pos = e.Op(p.Scope + "embed_positions", "Gather", q * h, p.PositionIds, table);
            hidden = e.Op(p.Scope + "embed_add", "Add", q * h, hidden, pos);
        }
        for (int l = 0; l < c.NumHiddenLayers; l++)
        {
            hidden = Layer(e, c, p, l, hidden, cos, sin);
        }
        p.Chain?.EndStep(p.Queries);
        hidden = e.Norm(c.Norm, p.Scope + "norm", p.WeightScope + "norm", q, h, hidden);
        if (p.LogitRows < p.Queries)
        {
            // Generation only needs the last position's logits (HF logits_to_keep=1, vLLM's last-token gather).
            hidden = e.Op(p.Scope + "last_token", "Slice", p.LogitRows * h, hidden);
        }
        int head = c.TieWordEmbeddings
            ? e.Weight(p.WeightScope + "embed_tokens.weight", (long)c.VocabSize * h)
            : e.Weight(p.WeightScope + "lm_head.weight", (long)c.VocabSize * h);
        return e.Op(p.Scope + "lm_head", "MatMul", (long)p.LogitRows * c.VocabSize, hidden, head);
    }

    private static int Layer(OpEmitter e, TransformerConfig c, DecoderPass p, int l, int hidden, int cos, int sin)
    {
        string at = $"{p.Scope}layers.{l}.", w = $"{p.WeightScope}layers.{l}.";
        long q = p.Queries, h = c.HiddenSize, kv = c.KeyValueWidth;
        int x = e.Norm(c.Norm, at + "input_layernorm", w + "input_layernorm", q, h, hidden);
        int query = e.Linear(at + "attn.q_proj", w + "attn.q_proj", q, h, h, c.AttentionBias, x);
        int key = e.Linear(at + "attn.k_proj", w + "attn.k_proj", q, h, kv, c.AttentionBias, x);
        int value = e.Linear(at + "attn.v_proj", w + "attn.v_proj", q, h, kv, c.AttentionBias, x);
        if (cos >= 0)
        {
            query = e.Op(at + "attn.q_rotary", "Rotary", q * h, query, cos, sin);
            key = e.Op(at + "attn.k_rotary", "Rotary", q * kv, key, cos, sin);
        }
        // PyTorch splits heads with .view(bsz, q_len, heads, head_dim): views of the projections, no copy.
        query = e.View(at + "attn.q_view", query);
        key = e.View(at + "attn.k_view", key);
        value = e.View(at + "attn.v_view", value);
        var (keys, values) = p.CacheCapacity > 0
            ? WriteInPlace(e, p, l, at, w, kv, key, value)
            : AppendBeside(e, p, l, at, w, kv, key, value);
        keys.Insert(0, query);
        long scoreElements = checked(c.NumAttentionHeads * q * p.Keys);
        int scores = e.Op(at + "attn.scores", "MatMul", scoreElements, [.. keys]);
        int scoresOp = e.LastOp;
        int masked = e.Op(at + "attn.mask_scale", "MaskScale", scoreElements, scores, p.Mask);
        int probs = e.Op(at + "attn.softmax", "Softmax", scoreElements, masked);
        values.Insert(0, probs);
        // ... and merges them back with .reshape(bsz, q_len, hidden) of the contiguous context.
        int weighted = e.Op(at + "attn.weighted_sum", "MatMul", q * h, [.. values]);
        if (p.CacheCapacity > 0)
        {
            p.Chain?.ReadBy(l, scoresOp, e.LastOp);
        }
        int context = e.View(at + "attn.context_view", weighted);
        int output = e.Linear(at + "attn.o_proj", w + "attn.o_proj", q, h, h, c.AttentionBias, context);
        hidden = e.Op(at + "attn.residual", "Add", q * h, hidden, output);
        x = e.Norm(c.Norm, at + "post_attention_layernorm", w + "post_attention_layernorm", q, h, hidden);
        int down = Mlp(e, c, at + "mlp.", w + "mlp.", q, x);
        return e.Op(at + "mlp.residual", "Add", q * h, hidden, down);
    }

    /// <summary>The new k and v rows as graph outputs beside the resident cache (<c>KvAppend</c>); attention reads the
    /// rows, the cache and the rows earlier chained steps appended. Returns the key and value tensors attention reads.</summary>
    private static (List<int> Keys, List<int> Values) AppendBeside(
        OpEmitter e, DecoderPass p, int l, string at, string w, long kv, int key, int value)
    {
        List<int> keys = [], values = [];
        int newKey = Append(e, p, at + "attn.k_cache_append", w + "attn.k_cache", kv, key, keys);
        int newValue = Append(e, p, at + "attn.v_cache_append", w + "attn.v_cache", kv, value, values);
        if (p.Chain is not null)
        {
            keys.AddRange(p.Chain.Keys(l));
            values.AddRange(p.Chain.Values(l));
            p.Chain.Add(l, newKey, newValue);
        }
        return (keys, values);
    }

    /// <summary>Writes the new k or v rows into the cache; the written rows are a graph output (the cache update),
    /// and attention reads them plus the resident cache, collected in <paramref name="reads"/>.</summary>
    private static int Append(OpEmitter e, DecoderPass p, string name, string cacheName, long kv, int input, List<int> reads)
    {
        long q = p.Queries;
        int appended;
        if (p.CachedTokens > 0)
        {
            int cache = e.Weight(cacheName, checked(p.CachedTokens * kv));
            appended = e.Op(name, "KvAppend", q * kv, input, cache);
            reads.Add(appended);
            reads.Add(cache);
        }
        else
        {
            appended = e.Op(name, "KvAppend", q * kv, input);
            reads.Add(appended);
        }
        e.MarkOutput(appended);
        return appended;
    }

    /// <summary>
    /// <see cref="ModelGraphOptions.KvInPlace"/>: writes the new k and v rows into the resident cache of
    /// <see cref="DecoderPass.CacheCapacity"/> tokens (<c>KvWrite</c>). Each write reads the rows and the cache state
    /// it writes into — the resident cache, or the state the previous chained step left — and outputs the rows as a
    /// view of that state, so under <see cref="MemoryModelOptions.Views"/> the write allocates nothing (its class is the
    /// resident cache's) and as a copy without it costs what <c>KvAppend</c> costs. Attention reads only that view,
    /// the updated cache. A write into a chained state follows the ops that read the state (the previous step's
    /// scores and weighted sum): an in-place write is ordered after every reader of the old value.
    /// </summary>
    private static (List<int> Keys, List<int> Values) WriteInPlace(
        OpEmitter e, DecoderPass p, int l, string at, string w, long kv, int key, int value)
    {
        long rows = checked(p.Queries * kv);
        int chained = p.Chain?.Keys(l).Count ?? 0;
        int keyState = chained > 0 ? p.Chain!.Keys(l)[chained - 1] : e.Weight(w + "attn.k_cache", checked(p.CacheCapacity * kv));
        int valueState = chained > 0 ? p.Chain!.Values(l)[chained - 1] : e.Weight(w + "attn.v_cache", checked(p.CacheCapacity * kv));
        int newKey = e.Alias(at + "attn.k_cache_write", "KvWrite", rows * e.DtypeBytes, keyState, key, keyState);
        if (chained > 0)
        {
            e.ControlEdge(p.Chain!.KeyReader(l), e.LastOp);
        }
        int newValue = e.Alias(at + "attn.v_cache_write", "KvWrite", rows * e.DtypeBytes, valueState, value, valueState);
        if (chained > 0)
        {
            e.ControlEdge(p.Chain!.ValueReader(l), e.LastOp);
        }
        e.MarkOutput(newKey);
        e.MarkOutput(newValue);
        p.Chain?.Add(l, newKey, newValue);
        return ([newKey], [newValue]);
    }

    private static int Mlp(OpEmitter e, TransformerConfig c, string at, string w, long q, int x)
    {
        long h = c.HiddenSize, inner = c.IntermediateSize;
        if (c.Ffn == FfnKind.Gated)
        {
            int gate = e.Linear(at + "gate_proj", w + "gate_proj", q, h, inner, c.MlpBias, x);
            int up = e.Linear(at + "up_proj", w + "up_proj", q, h, inner, c.MlpBias, x);
            int act = e.Op(at + "act", c.HiddenAct, q * inner, gate);
            int mul = e.Op(at + "mul", "Mul", q * inner, act, up);
            return e.Linear(at + "down_proj", w + "down_proj", q, inner, h, c.MlpBias, mul);
        }
        int fc1 = e.Linear(at + "fc1", w + "fc1", q, h, inner, c.MlpBias, x);
        int a = e.Op(at + "act", c.HiddenAct, q * inner, fc1);
        return e.Linear(at + "fc2", w + "fc2", q, inner, h, c.MlpBias, a);
    }
}
