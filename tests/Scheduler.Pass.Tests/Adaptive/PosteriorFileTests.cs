using Scheduler.Graphs;
using Scheduler.Pass.Adaptive;

namespace Scheduler.Pass.Tests.Adaptive;

public sealed class PosteriorFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("posterior-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public void SaveLoad_RoundTrip_KeepsEveryValueExactly()
    {
        var p = new PortfolioPosterior();
        p.Observe("ops<=256/wide/gap>=10%", "local", 0.123456789012345, -1.5);
        p.Observe("ops<=256/wide/gap>=10%", "local", 1e-17, 0.25);
        p.Observe("ops>1536/narrow/gap<1%", "exact", 0, -3);
        p.BeginGraph("ops<=256/wide/gap>=10%", ["local", "exact"], AdaptiveOptions.Default);
        string path = Path.Combine(_dir, "p.json");
        PosteriorFile.Save(p, path);
        var back = PosteriorFile.Load(path);
        Assert.Equal(PosteriorFile.ToJson(p), PosteriorFile.ToJson(back));
        Assert.Equal(p.Cell("ops<=256/wide/gap>=10%", "local"), back.Cell("ops<=256/wide/gap>=10%", "local"));
        Assert.Equal(1, back.GraphsSeen);
        Assert.Equal("ops<=256/wide/gap>=10%", back.LastClass);
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
    }

    [Theory]
    [InlineData("not json", "invalid JSON")]
    [InlineData("[]", "$: expected an object")]
    [InlineData("""{"format":"other","version":1}""", "$.format")]
    [InlineData("""{"format":"scheduler-adaptive-posterior","version":2}""", "$.version")]
    [InlineData("""{"format":"scheduler-adaptive-posterior","version":1,"graphs_seen":1,"last_class":null,"cells":[{"class":"a","method":"local","gain":{"count":-1,"mean":0,"sum_squares":0},"log_cost":{"count":0,"mean":0,"sum_squares":0}}],"episodes":[]}""", "$.cells[0].gain.count")]
    [InlineData("""{"format":"scheduler-adaptive-posterior","version":1,"graphs_seen":1,"last_class":null,"cells":[],"episodes":[{"class":"a","index":0,"length":1,"previous_length":0,"start_observations":0}]}""", "$.episodes[0].samples: missing")]
    public void Load_BadFile_NamesTheFileAndThePlace(string text, string place)
    {
        string path = Path.Combine(_dir, "bad.json");
        File.WriteAllText(path, text);
        var ex = Assert.Throws<GraphFormatException>(() => PosteriorFile.Load(path));
        Assert.StartsWith(path, ex.Message);
        Assert.Contains(place, ex.Message);
    }
}
