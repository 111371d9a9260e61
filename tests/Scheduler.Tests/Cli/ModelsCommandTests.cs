using Scheduler.Graphs;
using Scheduler.Graphs.Formats;

namespace Scheduler.Tests.Cli;

[Collection("cli")]
public class ModelsCommandTests
{
    [Fact]
    public void Export_KvInPlace_WritesKvWritesAliasingTheCacheAndNamesTheOption()
    {
        string dir = Directory.CreateTempSubdirectory("kv-export").FullName;
        try
        {
            string plainPath = Path.Combine(dir, "plain.json"), kvPath = Path.Combine(dir, "kv.json");
            var (code, _, err) = CliRunner.Run("models", "export", "llama2-chat-drafter-115m", "--phase", "decode", "--context", "32", "--out", plainPath);
            Assert.True(code == 0, err);
            (code, _, err) = CliRunner.Run("models", "export", "llama2-chat-drafter-115m", "--phase", "decode", "--context", "32",
                "--views", "--kv-in-place", "--out", kvPath);
            Assert.True(code == 0, err);
            var plain = JsonGraphReader.ReadFile(plainPath);
            var g = JsonGraphReader.ReadFile(kvPath);
            Assert.Equal("llama2-chat-drafter-115m-decode-c32-views-kv-in-place", g.Name);
            var writes = Enumerable.Range(0, g.OpCount).Where(v => g.OpType(v) == "KvWrite").ToList();
            Assert.Equal(2 * 4, writes.Count);
            Assert.All(writes, v => Assert.True(g.IsResident(g.AliasOf(g.Outputs(v)[0]))));
            var order = Enumerable.Range(0, g.OpCount).ToArray();
            var plainOrder = Enumerable.Range(0, plain.OpCount).ToArray();
            var views = MemoryModelOptions.Parse("views")!;
            Assert.True(MemoryModel.Evaluate(g, order, views) < MemoryModel.Evaluate(plain, plainOrder, views));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
