using Scheduler.Testing;

namespace Scheduler.Topoformer.Tests;

public sealed class TopoformerCheckpointTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "topoformer-ckpt-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, true);
        }
    }

    [Fact]
    public void SaveThenLoad_SameGraph_IdenticalLogits()
    {
        using var network = Toy.Network(3);
        network.eval();
        var encoding = GraphEncoding.Create(TestData.RandomDag(9, 30), network.Options);
        float[] before = network.Priorities(encoding);
        TopoformerCheckpoint.Save(network, _dir, new Dictionary<string, string> { ["note"] = "test" });
        using var loaded = TopoformerCheckpoint.Load(_dir);
        Assert.Equal(before, loaded.Priorities(encoding));
        Assert.Equal("test", TopoformerCheckpoint.ReadCard(_dir).Provenance["note"]);
        Assert.Empty(loaded.Options.Differences(network.Options));
    }

    [Fact]
    public void LoadWeights_OtherArchitecture_ClearError()
    {
        using var small = Toy.Network(1, Toy.Options with { Layers = 1 });
        TopoformerCheckpoint.Save(small, _dir);
        using var bigger = Toy.Network(1, Toy.Options with { Layers = 2, ModelDim = 8 });
        var e = Assert.Throws<TopoformerConfigException>(
            () => TopoformerCheckpoint.LoadWeights(bigger, Path.Combine(_dir, TopoformerCheckpoint.WeightsFile)));
        Assert.Contains("do not match the model", e.Message);
        Assert.Contains(TopoformerCheckpoint.WeightsFile, e.Message);
    }

    [Fact]
    public void Load_MissingFolder_ClearError()
    {
        var e = Assert.Throws<TopoformerConfigException>(() => TopoformerCheckpoint.Load(_dir));
        Assert.Contains($"{_dir}: no such checkpoint folder or file", e.Message);
    }

    [Fact]
    public void ReadCard_ShippedCardWithoutAttentionKeys_GetsTheDefaults()
    {
        // models/topoformer/model.yaml predates attention_pairs / attention_neighbours.
        var card = TopoformerCheckpoint.ReadCard(ModelStore.ResolveShipped());
        Assert.Equal(TopoformerOptions.DefaultAttentionPairs, card.Options.AttentionPairs);
        Assert.Equal(TopoformerOptions.DefaultAttentionNeighbours, card.Options.AttentionNeighbours);
    }

    [Fact]
    public void Load_CardWithBadAttentionNeighbours_ClearErrorNamingKeyAndFile()
    {
        using var network = Toy.Network(2);
        TopoformerCheckpoint.Save(network, _dir);
        string card = Path.Combine(_dir, TopoformerCheckpoint.CardFile);
        File.WriteAllText(card, File.ReadAllText(card).Replace("attention_neighbours: 32", "attention_neighbours: 0"));
        var e = Assert.Throws<TopoformerConfigException>(() => TopoformerCheckpoint.Load(_dir));
        Assert.Contains("attention_neighbours must be from 1 to 4096, got 0", e.Message);
        Assert.Contains(card, e.Message);
    }
}
