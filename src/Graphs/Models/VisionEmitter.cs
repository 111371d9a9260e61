namespace Scheduler.Graphs.Models;

/// <summary>
/// Emits a CLIP vision tower (HF <c>CLIPVisionModel</c>) in its run order: patch convolution, class token, learned
/// positions, pre-LayerNorm, then pre-LN encoder layers (LN, q/k/v, scores, softmax, ·V, out-proj, residual, LN,
/// fc1, quick-GELU, fc2, residual). Only the layers up to the feature layer run — LLaVA reads the penultimate layer
/// (<c>vision_feature_layer = −2</c>) and, like vLLM, a compiler drops the last layer and the post-LayerNorm as dead
/// code. The class token is then dropped (<c>vision_feature_select_strategy = "default"</c>).
/// </summary>
internal static class VisionEmitter
{
    /// <summary>Emits the tower over a freeable <c>pixel_values</c> input; returns the patch features
    /// <c>[patches, hidden]</c>.</summary>
    public static int Emit(OpEmitter e, VisionConfig v, string scope)
    {
        long hv = v.HiddenSize, t = v.TokenCount, inner = v.IntermediateSize;
        int pixels = e.Input("pixel_values", checked((long)v.NumChannels * v.ImageSize * v.ImageSize * e.DtypeBytes));
        int convWeight = e.Weight(scope + "embeddings.patch_embedding.weight", (long)v.NumChannels * v.PatchSize * v.PatchSize * hv);
        int patches = e.Op(scope + "embeddings.patch_embedding", "Conv", v.PatchCount * hv, pixels, convWeight);
        int cls = e.Op(scope + "embeddings.class_concat", "Concat", t * hv, patches,
            e.Weight(scope + "embeddings.class_embedding", hv));
        int hidden = e.Op(scope + "embeddings.position_add", "Add", t * hv, cls,
            e.Weight(scope + "embeddings.position_embedding.weight", t * hv));
        hidden = e.Norm(NormKind.LayerNorm, scope + "pre_layrnorm", scope + "pre_layrnorm", t, hv, hidden);
        for (int l = 0; l < v.LayersRun; l++)
        {
            string at = $"{scope}layers.{l}.";
            int x = e.Norm(NormKind.LayerNorm, at + "layer_norm1", at + "layer_norm1", t, hv, hidden);
            // HF CLIPAttention folds the 1/sqrt(d) scale into q_proj's output; there is no mask in the vision tower.
            int q = e.Linear(at + "attn.q_proj", at + "attn.q_proj", t, hv, hv, true, x);
            int k = e.Linear(at + "attn.k_proj", at + "attn.k_proj", t, hv, hv, true, x);
            int val = e.Linear(at + "attn.v_proj", at + "attn.v_proj", t, hv, hv, true, x);
            long scoreElements = checked(v.NumAttentionHeads * t * t);
            int scores = e.Op(at + "attn.scores", "MatMul", scoreElements, q, k);
            int probs = e.Op(at + "attn.softmax", "Softmax", scoreElements, scores);
            int context = e.Op(at + "attn.weighted_sum", "MatMul", t * hv, probs, val);
            int output = e.Linear(at + "attn.out_proj", at + "attn.out_proj", t, hv, hv, true, context);
            hidden = e.Op(at + "attn.residual", "Add", t * hv, hidden, output);
            x = e.Norm(NormKind.LayerNorm, at + "layer_norm2", at + "layer_norm2", t, hv, hidden);
            int fc1 = e.Linear(at + "mlp.fc1", at + "mlp.fc1", t, hv, inner, true, x);
            int act = e.Op(at + "mlp.act", v.HiddenAct, t * inner, fc1);
            int fc2 = e.Linear(at + "mlp.fc2", at + "mlp.fc2", t, inner, hv, true, act);
            hidden = e.Op(at + "mlp.residual", "Add", t * hv, hidden, fc2);
        }
        return e.Op(scope + "select_features", "Slice", v.PatchCount * hv, hidden);
    }
}
