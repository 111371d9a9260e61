using System.Text.Json;
using Scheduler.Testing;

namespace Scheduler.Tests.Cli;

public partial class ScheduleCommandTests
{
    /// <summary>The order (file ids) of <c>schedule --method METHOD --json</c> with <paramref name="args"/>.</summary>
    private static string[] OrderOf(string method, params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(["schedule", .. args, "--method", method, "--json"]);
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        return doc.RootElement.GetProperty("order").EnumerateArray().Select(e => e.ToString()).ToArray();
    }

    private static string[] TopoformerOrder(params string[] args) => OrderOf("topoformer", args);

    [Fact]
    public void Schedule_MemoryWeight_FlagAndConfigKeyAgree_AndZeroIsAnotherDecoder()
    {
        // The default decodes memory-aware; --memory-weight 0 (or memory_weight: 0) is the paper's decoder, which orders
        // these 100-op layered graphs differently.
        string config = Path.Combine(Directory.CreateTempSubdirectory("memory-weight").FullName, "pass.yaml");
        File.WriteAllText(config, "memory_weight: 0\n");
        int differ = 0;
        foreach (string name in new[] { "layered-100-000", "layered-100-001" })
        {
            string graph = Path.Combine(TestData.RepoRoot, "datasets", "layered-100", name + ".json");
            string[] paper = TopoformerOrder(graph, "--memory-weight", "0");
            Assert.Equal(paper, TopoformerOrder(graph, "--config", config));
            Assert.Equal(TopoformerOrder(graph), TopoformerOrder(graph, "--memory-weight", "1"));
            Assert.Equal(TopoformerOrder(graph), TopoformerOrder(graph, "--config", config, "--memory-weight", "1")); // the flag wins
            differ += paper.SequenceEqual(TopoformerOrder(graph)) ? 0 : 1;
        }
        Assert.True(differ >= 1, "the memory weight changed no order");
    }

    [Fact]
    public void Schedule_ConfigSamplingKeys_TakeEffectUnlessTheFlagIsGiven()
    {
        // A flag left at its default must not override the file (it once did: the default counted as given).
        string config = Path.Combine(Directory.CreateTempSubdirectory("sampling-config").FullName, "pass.yaml");
        File.WriteAllText(config, "samples: 1\ntemperature: 5\n");
        string graph = Path.Combine(TestData.RepoRoot, "datasets", "layered-100", "layered-100-000.json");
        string[] Sample(params string[] args) => OrderOf("topoformer-sample", [graph, .. args]);
        Assert.Equal(TopoformerOrder(graph), Sample("--config", config)); // one sample: the greedy decode
        Assert.Equal(Sample("--samples", "1"), Sample("--config", config));
        Assert.Equal(Sample(), Sample("--config", config, "--samples", "16", "--temperature", "0.5"));
        Assert.Equal(Sample("--temperature", "5"), Sample("--config", config, "--samples", "16"));
    }
}
