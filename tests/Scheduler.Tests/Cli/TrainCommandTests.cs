using System.Text.Json;
using Scheduler.Graphs;
using Scheduler.Testing;

namespace Scheduler.Tests.Cli;

[Collection("cli")]
public class TrainCommandTests
{
    /// <summary>A training config that runs in about a second (shared with the bad-input tests).</summary>
    internal const string TinyConfig = """
        seed: 1
        steps: 4
        graphs_per_step: 2
        samples_per_graph: 4
        imitation_steps: 2
        validate_every: 2
        train_graphs: { generator: layered, nodes_min: 15, nodes_max: 30 }
        validation: { generator: layered, nodes_min: 15, nodes_max: 30, count: 2, seed: 5 }
        model: { layers: 1, model_dim: 16, heads_per_mask: 1, head_dim: 8 }
        """;

    [Fact]
    public void Train_TinyConfig_WritesCheckpointThatScheduleLoads()
    {
        string dir = Directory.CreateTempSubdirectory("train").FullName;
        string config = Path.Combine(dir, "tiny.yaml"), output = Path.Combine(dir, "run");
        File.WriteAllText(config, TinyConfig);
        var (code, _, stderr) = CliRunner.Run("train", "--config", config, "--out", output);
        Assert.True(code == 0, stderr);
        foreach (string f in new[] { "model.bin", "model.yaml", "config.yaml", "metrics.csv" })
        {
            Assert.True(File.Exists(Path.Combine(output, f)), f);
        }
        var golden = TestData.GoldenCases[0];
        string graph = Path.Combine(TestData.RepoRoot, "tests", "golden", golden.Name + ".json");
        (code, string stdout, stderr) = CliRunner.Run("schedule", graph, "--method", "topoformer-sample", "--model", output, "--json");
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var order = doc.RootElement.GetProperty("order").EnumerateArray().Select(e => golden.Graph.TryGetOp(e.GetInt64(), out int op) ? op : -1).ToArray();
        Assert.Equal(MemoryModel.Evaluate(golden.Graph, order), doc.RootElement.GetProperty("peak_bytes").GetInt64());
    }

    [Fact]
    public void Train_UnknownKey_ExitTwoNamingFileAndKey()
    {
        string dir = Directory.CreateTempSubdirectory("train").FullName;
        string config = Path.Combine(dir, "bad.yaml");
        File.WriteAllText(config, TinyConfig + "\nstepz: 3\n");
        var (code, _, stderr) = CliRunner.Run("train", "--config", config, "--out", Path.Combine(dir, "run"));
        Assert.Equal(2, code);
        Assert.Contains("bad.yaml", stderr);
        Assert.Contains("stepz", stderr);
        Assert.False(File.Exists(Path.Combine(dir, "run", "model.bin")));
    }

    [Fact]
    public void Train_Redirected_ProgressLinesShowStepCostValidationAndEta()
    {
        string dir = Directory.CreateTempSubdirectory("train").FullName;
        string config = Path.Combine(dir, "tiny.yaml");
        File.WriteAllText(config, TinyConfig + "\nexpert_weight: 0.5\nexpert_search_moves: 500\n");
        var (code, _, stderr) = CliRunner.Run("train", "--config", config, "--out", Path.Combine(dir, "run"));
        Assert.True(code == 0, stderr);
        Assert.Matches(@"train: step 1/4 imitation cost \d\.\d{3} greedy \d\.\d{3} \(0:00:\d\d, ETA 0:00:00\)", stderr);
        Assert.Matches(@"train: step 4/4 expert cost \d\.\d{3} greedy \d\.\d{3} target \d\.\d{3} val \d\.\d{3} best \d\.\d{3} \(0:00:\d\d, ETA 0:00:00\)", stderr);
    }

    [Fact]
    public void Train_BadCurriculumStage_ExitTwoNamingFileAndStageKey()
    {
        string dir = Directory.CreateTempSubdirectory("train").FullName;
        string config = Path.Combine(dir, "bad.yaml");
        File.WriteAllText(config, TinyConfig + "\ncurriculum:\n  - { steps: 2, nodes_min: 40, nodes_max: 30 }\n");
        var (code, _, stderr) = CliRunner.Run("train", "--config", config, "--out", Path.Combine(dir, "run"));
        Assert.Equal(2, code);
        Assert.Contains("bad.yaml: bad value for 'curriculum[0].nodes_min'", stderr);
        Assert.False(Directory.Exists(Path.Combine(dir, "run")));
    }
}
