using Scheduler.Graphs;
using Scheduler.Graphs.Models;

namespace Scheduler.Graphs.Tests.Models;

public class HfConfigReaderTests
{
    // Trimmed copies of the published config.json files (keys that do not change sizes dropped).
    private const string Llama2Config = """
        { "architectures": ["LlamaForCausalLM"], "hidden_act": "silu", "hidden_size": 4096,
          "intermediate_size": 11008, "max_position_embeddings": 4096, "model_type": "llama",
          "num_attention_heads": 32, "num_hidden_layers": 32, "num_key_value_heads": 32, "rms_norm_eps": 1e-05,
          "rope_scaling": null, "tie_word_embeddings": false, "torch_dtype": "float16", "vocab_size": 32000 }
        """;

    private const string Opt125mConfig = """
        { "activation_function": "relu", "architectures": ["OPTForCausalLM"], "do_layer_norm_before": true,
          "ffn_dim": 3072, "hidden_size": 768, "max_position_embeddings": 2048, "model_type": "opt",
          "num_attention_heads": 12, "num_hidden_layers": 12, "vocab_size": 50272, "word_embed_proj_dim": 768 }
        """;

    private const string LlavaConfig = """
        { "architectures": ["LlavaForConditionalGeneration"], "model_type": "llava", "projector_hidden_act": "gelu",
          "text_config": { "max_position_embeddings": 4096, "model_type": "llama", "vocab_size": 32064 },
          "vision_config": { "hidden_size": 1024, "image_size": 336, "intermediate_size": 4096,
            "model_type": "clip_vision_model", "num_attention_heads": 16, "num_hidden_layers": 24, "patch_size": 14 },
          "vision_feature_layer": -2, "vision_feature_select_strategy": "default" }
        """;

    [Fact]
    public void Parse_Llama2Config_EqualsPreset()
    {
        Assert.Equal(ModelZoo.Get("llama2-7b").Text, HfConfigReader.Parse(Llama2Config));
    }

    [Fact]
    public void Parse_Opt125mConfig_EqualsPresetWithDefaultsFilled()
    {
        Assert.Equal(ModelZoo.Get("opt-125m").Text, HfConfigReader.Parse(Opt125mConfig));
    }

    [Fact]
    public void ParsePreset_LlavaConfig_ReadsTowerProjectorAndLlamaDefaults()
    {
        var preset = HfConfigReader.ParsePreset(LlavaConfig, "llava-hf");
        Assert.Equal(32064, preset.Text.VocabSize);
        Assert.Equal(11008, preset.Text.IntermediateSize);
        Assert.Equal(577, preset.Vision!.TokenCount);
        Assert.Equal(23, preset.Vision.LayersRun);
        Assert.Equal(new AdapterConfig(1024, 4096, 4096, "gelu"), preset.Projector);
        // llava-hf/llava-1.5-7b-hf: 7,063,427,072 parameters (its vocabulary has 64 extra rows).
        Assert.Equal(7_063_427_072L, ModelZoo.ParameterCount(preset));
        Assert.True(ModelZoo.Build(preset, ModelPhase.Prefill(4)).OpCount > 1000);
    }

    [Fact]
    public void Parse_KindOverrides_Apply()
    {
        var c = HfConfigReader.Parse("""{ "model_type": "llama", "hidden_size": 64, "num_attention_heads": 4, "norm_kind": "layer_norm", "ffn_kind": "plain" }""");
        Assert.Equal(NormKind.LayerNorm, c.Norm);
        Assert.Equal(FfnKind.Plain, c.Ffn);
        Assert.Equal(PositionKind.Rotary, c.Positions);
    }

    [Fact]
    public void Parse_BadInput_ThrowsNamingThePlace()
    {
        var malformed = Assert.Throws<GraphFormatException>(() => HfConfigReader.Parse("{\n \"hidden_size\": ,", "cfg.json"));
        Assert.StartsWith("cfg.json:2:", malformed.Message);
        var unknown = Assert.Throws<GraphFormatException>(() => HfConfigReader.Parse("""{ "model_type": "gpt2" }"""));
        Assert.Contains("gpt2", unknown.Message);
        var wrongType = Assert.Throws<GraphFormatException>(() => HfConfigReader.Parse("""{ "model_type": "llama", "hidden_size": "big" }"""));
        Assert.Contains("hidden_size", wrongType.Message);
        var badHeads = Assert.Throws<GraphFormatException>(() => HfConfigReader.Parse("""{ "model_type": "llama", "hidden_size": 100, "num_attention_heads": 3 }"""));
        Assert.Contains("num_attention_heads", badHeads.Message);
        Assert.Throws<GraphFormatException>(() => HfConfigReader.ReadFile("/nonexistent/config.json"));
    }

    [Fact]
    public void ReadPreset_File_NamesPresetAfterFolder()
    {
        string dir = Path.Combine(Path.GetTempPath(), "hfcfg-" + Guid.NewGuid().ToString("N"), "opt-125m");
        Directory.CreateDirectory(dir);
        try
        {
            string path = Path.Combine(dir, "config.json");
            File.WriteAllText(path, Opt125mConfig);
            var preset = HfConfigReader.ReadPreset(path);
            Assert.Equal("opt-125m", preset.Name);
            Assert.Equal(125_239_296L, ModelZoo.ParameterCount(preset));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(dir)!, recursive: true);
        }
    }
}
