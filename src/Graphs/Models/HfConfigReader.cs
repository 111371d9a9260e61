using System.Text.Json;
using Scheduler.Graphs.Formats;

namespace Scheduler.Graphs.Models;

/// <summary>
/// Reads a Hugging Face <c>config.json</c> (System.Text.Json) into a <see cref="TransformerConfig"/> or a whole
/// <see cref="ModelPreset"/>. Supported <c>model_type</c>s: "llama" / "mistral" (RMSNorm, rotary, SwiGLU), "opt"
/// (LayerNorm, learned positions offset 2, ReLU MLP, biases) and "llava" (<c>text_config</c> + CLIP
/// <c>vision_config</c> + 2-layer projector). Missing keys take the defaults of the matching HF config class, as
/// <c>from_pretrained</c> does. Optional keys <c>norm_kind</c>, <c>position_kind</c>, <c>ffn_kind</c> override the
/// model type's kinds.
/// </summary>
public static class HfConfigReader
{
    /// <summary>Reads a file and returns its language model.</summary>
    /// <exception cref="GraphFormatException">The file is unreadable, malformed or describes an unsupported model.</exception>
    public static TransformerConfig ReadFile(string path) => ReadPreset(path).Text;

    /// <summary>Reads a file as a preset named after its folder (multimodal for "llava").</summary>
    /// <exception cref="GraphFormatException">The file is unreadable, malformed or describes an unsupported model.</exception>
    public static ModelPreset ReadPreset(string path, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text = InputFile.ReadAllText(path);
        string fallback = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path))) ?? "model";
        return ParsePreset(text, name ?? fallback, path);
    }

    /// <summary>Parses config JSON and returns its language model.</summary>
    /// <exception cref="GraphFormatException">Malformed JSON or an unsupported model.</exception>
    public static TransformerConfig Parse(string json, string source = "<config.json>")
        => ParsePreset(json, "model", source).Text;

    /// <summary>Parses config JSON into a preset called <paramref name="name"/>.</summary>
    /// <exception cref="GraphFormatException">Malformed JSON or an unsupported model.</exception>
    public static ModelPreset ParsePreset(string json, string name, string source = "<config.json>")
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new GraphFormatException("the config must be a JSON object");
            }
            if (Str(root, "model_type", "") != "llava")
            {
                var text = Text(root);
                return new ModelPreset(name, $"{text.ModelType} from {source}", text, null, null, false, "", source);
            }
            var lm = root.TryGetProperty("text_config", out var t) ? Text(t, "llama") : Text(root, "llama", empty: true);
            var vision = Vision(root.TryGetProperty("vision_config", out var v) ? v : default, Int(root, "vision_feature_layer", -2));
            var projector = new AdapterConfig(vision.HiddenSize, lm.HiddenSize, lm.HiddenSize, Str(root, "projector_hidden_act", "gelu"));
            return new ModelPreset(name, $"llava from {source}", lm, vision, projector, false, "", source);
        }
        catch (JsonException ex)
        {
            long line = (ex.LineNumber ?? 0) + 1, column = (ex.BytePositionInLine ?? 0) + 1;
            throw new GraphFormatException($"{source}:{line}:{column}: malformed JSON ({ex.Message.Split('.')[0]})", ex);
        }
        catch (Exception ex) when (ex is GraphFormatException or ArgumentException or InvalidOperationException or FormatException)
        {
            throw new GraphFormatException($"{source}: {ex.Message}", ex);
        }
    }

    private static TransformerConfig Text(JsonElement e, string? defaultType = null, bool empty = false)
    {
        string type = empty ? defaultType! : Str(e, "model_type", defaultType ?? "");
        TransformerConfig c = type switch
        {
            "llama" or "mistral" => new TransformerConfig
            {
                ModelType = type, HiddenSize = Int(e, "hidden_size", 4096), IntermediateSize = Int(e, "intermediate_size", 11008),
                NumHiddenLayers = Int(e, "num_hidden_layers", 32), NumAttentionHeads = Int(e, "num_attention_heads", 32),
                NumKeyValueHeads = Int(e, "num_key_value_heads", 0), VocabSize = Int(e, "vocab_size", 32000),
                MaxPositionEmbeddings = Int(e, "max_position_embeddings", 2048), HiddenAct = Str(e, "hidden_act", "silu"),
                TieWordEmbeddings = Bool(e, "tie_word_embeddings", false), AttentionBias = Bool(e, "attention_bias", false),
                MlpBias = Bool(e, "mlp_bias", false),
            },
            "opt" => Opt(e),
            _ => throw new GraphFormatException(
                $"unsupported model_type '{type}' (supported: llama, mistral, opt, llava)"),
        };
        c = c with
        {
            Norm = Kind(e, "norm_kind", c.Norm),
            Positions = Kind(e, "position_kind", c.Positions),
            Ffn = Kind(e, "ffn_kind", c.Ffn),
            PositionOffset = Int(e, "position_offset", c.PositionOffset),
        };
        return c.Validated();
    }

    private static TransformerConfig Opt(JsonElement e)
    {
        int hidden = Int(e, "hidden_size", 768);
        if (Int(e, "word_embed_proj_dim", hidden) != hidden || !Bool(e, "do_layer_norm_before", true))
        {
            throw new GraphFormatException("OPT with word_embed_proj_dim != hidden_size or post-LayerNorm (opt-350m) is not supported");
        }
        bool bias = Bool(e, "enable_bias", true);
        return PresetCatalog.Opt(Int(e, "num_hidden_layers", 12), hidden, Int(e, "num_attention_heads", 12)) with
        {
            IntermediateSize = Int(e, "ffn_dim", 3072), VocabSize = Int(e, "vocab_size", 50272),
            MaxPositionEmbeddings = Int(e, "max_position_embeddings", 2048), HiddenAct = Str(e, "activation_function", "relu"),
            TieWordEmbeddings = Bool(e, "tie_word_embeddings", true), AttentionBias = bias, MlpBias = bias,
        };
    }

    private static VisionConfig Vision(JsonElement e, int featureLayer) => new VisionConfig
    {
        HiddenSize = Int(e, "hidden_size", 768), IntermediateSize = Int(e, "intermediate_size", 3072),
        NumHiddenLayers = Int(e, "num_hidden_layers", 12), NumAttentionHeads = Int(e, "num_attention_heads", 12),
        ImageSize = Int(e, "image_size", 224), PatchSize = Int(e, "patch_size", 32), NumChannels = Int(e, "num_channels", 3),
        HiddenAct = Str(e, "hidden_act", "quick_gelu"), FeatureLayer = featureLayer,
    }.Validated();

    private static bool Has(JsonElement e, string key, out JsonElement value)
    {
        value = default;
        return e.ValueKind == JsonValueKind.Object && e.TryGetProperty(key, out value) && value.ValueKind != JsonValueKind.Null;
    }

    private static int Int(JsonElement e, string key, int fallback)
        => Has(e, key, out var v) ? (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int i) ? i : throw new GraphFormatException($"'{key}' must be an integer, got {v}")) : fallback;

    private static bool Bool(JsonElement e, string key, bool fallback)
        => Has(e, key, out var v) ? v.ValueKind == JsonValueKind.True || (v.ValueKind != JsonValueKind.False
            ? throw new GraphFormatException($"'{key}' must be true or false, got {v}") : false) : fallback;

    private static string Str(JsonElement e, string key, string fallback)
        => Has(e, key, out var v) ? (v.ValueKind == JsonValueKind.String ? v.GetString()! : throw new GraphFormatException($"'{key}' must be a string, got {v}")) : fallback;

    private static T Kind<T>(JsonElement e, string key, T fallback) where T : struct, Enum
    {
        string s = Str(e, key, "");
        return s.Length == 0 ? fallback
            : Enum.TryParse<T>(s.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var k) ? k
            : throw new GraphFormatException($"'{key}' must be one of {string.Join(", ", Enum.GetNames<T>())}, got '{s}'");
    }
}
