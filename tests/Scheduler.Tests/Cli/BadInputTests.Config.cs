using CsCheck;

namespace Scheduler.Tests.Cli;

/// <summary>Bad pass YAML (<c>--config</c>), training configs and training state files.</summary>
public partial class BadInputTests
{
    private const string TinyTrainConfig = TrainCommandTests.TinyConfig;

    [Theory]
    [InlineData("methods: [nope]", "p.yaml:1:11: methods: unknown method 'nope'; known methods:")]
    [InlineData("methods: [bfs, locl]", "p.yaml:1:16: methods: unknown method 'locl' (did you mean 'local'?)")]
    [InlineData("methods: bfs", "methods must be a list of method ids")]
    [InlineData("seedz: 1", "p.yaml:1:1: unknown key 'seedz' (did you mean 'seed'?); known keys: methods,")]
    [InlineData("time_budget_secs: 5", "(did you mean 'time_budget_seconds'?)")]
    [InlineData("seed: [1]", "p.yaml:1:7: seed must be an integer from -2147483648 to 2147483647, got a list")]
    [InlineData("seed: 1.5", "seed must be an integer")]
    [InlineData("samples: 0", "samples must be an integer from 1 to 1000000, got 0")]
    [InlineData("samples: -3", "samples must be an integer from 1 to 1000000, got -3")]
    [InlineData("beam_width: 0", "beam_width must be an integer from 1 to 100000, got 0")]
    [InlineData("temperature: 0", "temperature must be a number in (0, 100], got 0")]
    [InlineData("temperature: .nan", "temperature must be a number in (0, 100], got NaN")]
    [InlineData("time_budget_seconds: .nan", "time_budget_seconds must be a number in (0, 10000000], got NaN")]
    [InlineData("time_budget_seconds: .inf", "got Infinity")]
    [InlineData("time_budget_seconds: 1e300", "got 1E+300")]
    [InlineData("time_budget_seconds: soon", "got 'soon'")]
    [InlineData("effort: .nan", "effort must be a number in (0, 1000000], got NaN")]
    [InlineData("parallelism: 0", "parallelism must be an integer from 1 to 4096, got 0")]
    [InlineData("exact_op_limit: -1", "exact_op_limit must be an integer from 0 to 1000000, got -1")]
    [InlineData("memory_model: inplace", "memory_model must be one of 'default', 'in-place', 'views', 'in-place+views', got 'inplace' (did you mean 'in-place'?)")]
    [InlineData("model: [a, b]", "model must be a path, got a list")]
    [InlineData("seed: [1", "p.yaml:")]
    [InlineData("- bfs\n- dfs", "expected a mapping of keys")]
    [InlineData("seed: 1\n---\nseed: 2", "expected one YAML document")]
    public void Schedule_BadPassConfig_ExitTwoNamingFileAndKey(string yaml, string expected)
    {
        string file = WriteTemp("p.yaml", yaml);
        var run = CliRunner.Run("schedule", Golden, "--config", file);
        AssertBadInput(run, expected);
        Assert.DoesNotContain("Document", run.Err);
    }

    [Fact]
    public void Schedule_PassConfigNullValues_KeepDefaults()
    {
        string file = WriteTemp("p.yaml", "seed:\nsamples: ~\nmethods: [bfs]\n");
        var (code, _, stderr) = CliRunner.Run("schedule", Golden, "--config", file);
        Assert.True(code == 0, stderr);
    }

    [Theory]
    [InlineData("learning_rate: .nan", "bad value for 'learning_rate': must be a number in (0, 1], got NaN")]
    [InlineData("learning_rate: -1", "bad value for 'learning_rate'")]
    [InlineData("grad_clip: .inf", "bad value for 'grad_clip': must be a number in [0, 1000000], got Infinity")]
    [InlineData("time_limit_minutes: .nan", "bad value for 'time_limit_minutes'")]
    [InlineData("model: { logit_scale: .inf }", "logit_scale must be a positive finite number, got Infinity")]
    [InlineData("model: { dropout: .nan }", "dropout must be in [0, 1)")]
    [InlineData("train_graphs: { edge_density: -1 }", "bad value for 'train_graphs.edge_density': must be a number in [0, 1], got -1")]
    [InlineData("validation: { skip_density: 2 }", "bad value for 'validation.skip_density'")]
    [InlineData("train_graphs: { edge_probability: .nan }", "bad value for 'train_graphs.edge_probability'")]
    [InlineData("train_graphs: { nodes_max: 300000 }", "nodes_max <= 262144")]
    [InlineData("validation: { seed: 2147483647 }", "bad value for 'validation.seed'")]
    [InlineData("steps: [1]", "bad value for 'steps': expected an integer")]
    [InlineData("steps: many", "bad value for 'steps': expected an integer from -2147483648 to 2147483647, got 'many'")]
    [InlineData("learning_rate: fast", "bad value for 'learning_rate': expected a number, got 'fast'")]
    [InlineData("stepz: 3", "unknown key 'stepz' (did you mean 'steps'?)")]
    [InlineData("model: { layres: 2 }", "unknown key 'layres' (did you mean 'layers'?); known keys here: layers,")]
    [InlineData("baseline: meen", "got 'meen' (did you mean 'mean'?)")]
    [InlineData("train_graphs: 5", "bad value for 'train_graphs': expected a mapping with the keys generator,")]
    public void Train_BadConfig_ExitTwoNamingFileAndKeyNothingWritten(string line, string expected)
    {
        string config = WriteTemp("bad.yaml", line + "\n");
        string output = Path.Combine(Path.GetDirectoryName(config)!, "run");
        AssertBadInput(CliRunner.Run("train", "--config", config, "--out", output), "bad.yaml", expected);
        Assert.False(Directory.Exists(output));
    }

    /// <summary>The committed state folder <see cref="RunWithState"/> writes.</summary>
    private const string StateFolder = "step-000000002.0123abcd";

    /// <summary>Writes a run folder whose committed state (state/current naming <see cref="StateFolder"/>) holds a
    /// card matching <see cref="TinyTrainConfig"/> and <paramref name="state"/> as state.yaml: enough for --resume to
    /// reach the state's values.</summary>
    private static (string Config, string Output) RunWithState(string state)
    {
        string config = WriteTemp("tiny.yaml", TinyTrainConfig);
        string output = Path.Combine(Path.GetDirectoryName(config)!, "run");
        string stateDir = Directory.CreateDirectory(Path.Combine(output, "state", StateFolder)).FullName;
        File.WriteAllText(Path.Combine(output, "state", "current"), StateFolder + "\n");
        File.WriteAllText(Path.Combine(stateDir, "model.yaml"), "version: 1\noptions: { layers: 1, model_dim: 16, heads_per_mask: 1, head_dim: 8 }\n");
        File.WriteAllText(Path.Combine(stateDir, "state.yaml"), state);
        return (config, output);
    }

    [Theory]
    [InlineData("step: -5\n", "bad value for 'step': must be an integer from 0 to 2147483647, got -5")]
    [InlineData("step: 2\nelapsed_seconds: -1\n", "bad value for 'elapsed_seconds'")]
    [InlineData("step: 2\nbest_validation: .nan\n", "bad value for 'best_validation'")]
    [InlineData("step: two\n", "bad value for 'step': expected an integer")]
    [InlineData("stepp: 2\n", "unknown key 'stepp' (did you mean 'step'?)")]
    [InlineData("", "the file is empty")]
    [InlineData("step: 9\n", "step 9, but it lies in the folder of step 2")]
    [InlineData("step: 2\n", "config.yaml: missing from the committed training state")]
    public void Train_ResumeBadState_ExitTwoNamingStateFile(string state, string expected)
    {
        var (config, output) = RunWithState(state);
        AssertBadInput(CliRunner.Run("train", "--config", config, "--out", output, "--resume"), StateFolder, expected);
    }

    [Fact]
    public void Train_ResumeWithoutState_ExitTwo()
    {
        string config = WriteTemp("tiny.yaml", TinyTrainConfig);
        AssertBadInput(CliRunner.Run("train", "--config", config, "--out", Path.Combine(Path.GetDirectoryName(config)!, "run"), "--resume"),
            "nothing to resume");
    }

    /// <summary>Any text for any numeric key of a pass config or a training config is refused with one line (or,
    /// for the pass, accepted): never a .NET type name or an internal error.</summary>
    [Fact]
    public void Configs_RandomScalarForNumericKeys_ExitZeroOrTwoOneLine()
    {
        string[] passKeys = ["time_budget_seconds", "seed", "samples", "temperature", "memory_weight", "beam_width", "effort", "exact_op_limit", "parallelism"];
        string[] trainKeys = ["seed", "steps", "time_limit_minutes", "graphs_per_step", "samples_per_graph", "learning_rate", "grad_clip", "imitation_steps", "validate_every"];
        var value = Gen.Frequency<string>(
            (3, Gen.String[0, 10]),
            (2, Gen.OneOf(".nan", ".inf", "-.inf", "1e300", "-1", "0", "1.5", "[1]", "{a: 1}", "~", "'7'", "0x1F", "1_000", "99999999999")),
            (2, Gen.Int[-5, 50].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        string dir = Directory.CreateTempSubdirectory("fuzz-yaml").FullName;
        string pass = Path.Combine(dir, "pass.yaml"), train = Path.Combine(dir, "train.yaml");
        Gen.Select(Gen.Int[0, passKeys.Length - 1], Gen.Int[0, trainKeys.Length - 1], value).Sample((p, t, v) =>
        {
            File.WriteAllText(pass, $"methods: [bfs]\n{passKeys[p]}: {v}\n");
            var run = CliRunner.Run("schedule", Golden, "--config", pass);
            if (run.Code != 0)
            {
                AssertBadInput(run, "pass.yaml");
            }
            // --resume into an empty folder: a config that passes validation stops at "nothing to resume", so no training runs.
            File.WriteAllText(train, $"{TinyTrainConfig}\n{trainKeys[t]}: {v}\n");
            AssertBadInput(CliRunner.Run("train", "--config", train, "--out", Path.Combine(dir, "run"), "--resume"));
        }, iter: 150, threads: 1);
    }
}
