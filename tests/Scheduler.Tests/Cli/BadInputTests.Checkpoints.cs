using CsCheck;
using Scheduler.Testing;
using Scheduler.Topoformer;

namespace Scheduler.Tests.Cli;

/// <summary>Bad <c>--model</c> paths and damaged checkpoints: exit 2 naming the file, and never another checkpoint instead.</summary>
public partial class BadInputTests
{
    private static readonly string Shipped = Path.Combine(TestData.RepoRoot, "models", "topoformer");

    /// <summary>A copy of the shipped checkpoint (model.bin, model.yaml) in a fresh folder.</summary>
    private static string CopyOfShipped()
    {
        string dir = Directory.CreateTempSubdirectory("ckpt").FullName;
        foreach (string f in new[] { TopoformerCheckpoint.WeightsFile, TopoformerCheckpoint.CardFile })
        {
            File.Copy(Path.Combine(Shipped, f), Path.Combine(dir, f));
        }
        return dir;
    }

    [Fact]
    public void Schedule_ModelTypoUnderCheckpointFolder_ExitTwoNamingTypoNotParent()
    {
        string dir = CopyOfShipped();
        string typo = Path.Combine(dir, "topoformr");
        var run = CliRunner.Run("schedule", Golden, "--method", "topoformer", "--model", typo);
        AssertBadInput(run, $"{typo}: no such checkpoint folder or file");
        Assert.DoesNotContain("/model.yaml", run.Err);
    }

    [Theory]
    [InlineData("/no/such/checkpoint")]
    [InlineData("relative/typo")]
    public void Schedule_ModelMissingPath_ExitTwoNamingIt(string path)
        => AssertBadInput(CliRunner.Run("schedule", Golden, "--method", "topoformer", "--model", path), $"{path}: no such checkpoint folder or file");

    [Fact]
    public void Schedule_ModelIsAnotherFile_ExitTwoNotACheckpoint()
        => AssertBadInput(CliRunner.Run("schedule", Golden, "--method", "topoformer", "--model", Golden), $"{Golden}: not a Topoformer checkpoint");

    [Fact]
    public void Schedule_ModelGivenAsWeightsFile_Loads()
    {
        string dir = CopyOfShipped();
        var (code, _, stderr) = CliRunner.Run("schedule", Golden, "--method", "topoformer", "--model", Path.Combine(dir, TopoformerCheckpoint.WeightsFile));
        Assert.True(code == 0, stderr);
    }

    [Fact]
    public void Schedule_ModelForAMethodThatDoesNotUseIt_StillChecked()
        => AssertBadInput(CliRunner.Run("schedule", Golden, "--method", "bfs", "--model", "/no/such/checkpoint"), "/no/such/checkpoint");

    [Fact]
    public void Schedule_ModelFromPassConfig_Checked()
    {
        string file = WriteTemp("p.yaml", "model: /no/such/checkpoint\n");
        AssertBadInput(CliRunner.Run("schedule", Golden, "--config", file), "/no/such/checkpoint: no such checkpoint folder or file");
    }

    public static TheoryData<string, string> DamagedCheckpoints => new()
    {
        { "missing-weights", TopoformerCheckpoint.WeightsFile },
        { "truncated-weights", TopoformerCheckpoint.WeightsFile },
        { "empty-weights", TopoformerCheckpoint.WeightsFile },
        { "other-architecture", TopoformerCheckpoint.WeightsFile },
        { "missing-card", TopoformerCheckpoint.CardFile },
        { "empty-card", TopoformerCheckpoint.CardFile },
        { "card-of-a-training-config", TopoformerCheckpoint.CardFile },
        { "card-version-2", TopoformerCheckpoint.CardFile },
        { "card-infinite-logit-scale", TopoformerCheckpoint.CardFile },
    };

    [Theory]
    [MemberData(nameof(DamagedCheckpoints))]
    public void Schedule_DamagedCheckpoint_ExitTwoNamingTheFile(string damage, string file)
    {
        string dir = CopyOfShipped();
        string weights = Path.Combine(dir, TopoformerCheckpoint.WeightsFile), card = Path.Combine(dir, TopoformerCheckpoint.CardFile);
        string cardText = File.ReadAllText(card);
        switch (damage)
        {
            case "missing-weights": File.Delete(weights); break;
            case "truncated-weights": File.WriteAllBytes(weights, File.ReadAllBytes(weights)[..5000]); break;
            case "empty-weights": File.WriteAllBytes(weights, []); break;
            case "other-architecture": File.WriteAllText(card, cardText.Replace("model_dim: 64", "model_dim: 32", StringComparison.Ordinal)); break;
            case "missing-card": File.Delete(card); break;
            case "empty-card": File.WriteAllText(card, ""); break;
            case "card-of-a-training-config": File.WriteAllText(card, "seed: 1\nsteps: 10\n"); break;
            case "card-version-2": File.WriteAllText(card, cardText.Replace("version: 1", "version: 2", StringComparison.Ordinal)); break;
            default: File.WriteAllText(card, cardText.Replace("logit_scale: 3", "logit_scale: .inf", StringComparison.Ordinal)); break;
        }
        foreach (string method in new[] { "topoformer", "best" })
        {
            AssertBadInput(CliRunner.Run("schedule", Golden, "--method", method, "--model", dir), Path.Combine(dir, file));
        }
    }

    /// <summary>Whatever bytes model.bin holds (random, or a prefix of the real weights), loading it is bad input naming it.</summary>
    [Fact]
    public void Schedule_RandomWeightBytes_ExitTwoNamingWeights()
    {
        string dir = CopyOfShipped();
        string weights = Path.Combine(dir, TopoformerCheckpoint.WeightsFile);
        byte[] real = File.ReadAllBytes(weights);
        var bytes = Gen.OneOf<byte[]>(Gen.Byte.Array[0, 4096], Gen.Int[0, real.Length - 1].Select(n => real[..n]));
        bytes.Sample(b =>
        {
            File.WriteAllBytes(weights, b);
            AssertBadInput(CliRunner.Run("schedule", Golden, "--method", "topoformer", "--model", dir), weights);
        }, iter: 40, threads: 1);
    }

    [Fact]
    public void Train_ResumeWithDamagedOptimizerState_ExitTwoNamingIt()
    {
        string config = WriteTemp("tiny.yaml", TinyTrainConfig);
        string output = Path.Combine(Path.GetDirectoryName(config)!, "run");
        var (code, _, stderr) = CliRunner.Run("train", "--config", config, "--out", output);
        Assert.True(code == 0, stderr);
        string state = CommittedStateFolder(output);
        string optimizer = Path.Combine(state, "optimizer.bin");
        File.WriteAllBytes(optimizer, File.ReadAllBytes(optimizer)[..100]);
        File.WriteAllText(config, TinyTrainConfig.Replace("steps: 4", "steps: 6", StringComparison.Ordinal));
        AssertBadInput(CliRunner.Run("train", "--config", config, "--out", output, "--resume"), optimizer, "cannot load the optimiser state");
        File.WriteAllBytes(Path.Combine(state, "model.bin"), [1, 2, 3]);
        AssertBadInput(CliRunner.Run("train", "--config", config, "--out", output, "--resume"), Path.Combine(state, "model.bin"));
    }

    [Fact]
    public void Train_ResumeWithOptimizerStateDeleted_ExitTwoNamingIt()
    {
        string config = WriteTemp("tiny.yaml", TinyTrainConfig.Replace("steps: 4", "steps: 2", StringComparison.Ordinal));
        string output = Path.Combine(Path.GetDirectoryName(config)!, "run");
        var (code, _, stderr) = CliRunner.Run("train", "--config", config, "--out", output);
        Assert.True(code == 0, stderr);
        string optimizer = Path.Combine(CommittedStateFolder(output), "optimizer.bin");
        File.Delete(optimizer);
        AssertBadInput(CliRunner.Run("train", "--config", config, "--out", output, "--resume"), optimizer, "missing from the committed training state");
    }

    /// <summary>The state folder <c>OUT/state/current</c> names.</summary>
    private static string CommittedStateFolder(string output)
        => Path.Combine(output, "state", File.ReadAllText(Path.Combine(output, "state", "current")).Trim());
}
