using Scheduler.Baselines.Exact;

namespace Scheduler.Baselines.Tests.Exact;

public sealed class DownSetStoreTests
{
    [Fact]
    public void ManyStates_AcrossChunks_AreFoundWithTheirFields()
    {
        const int states = 200_000;
        var store = new DownSetStore(words: 2, maxStates: states);
        var set = new ulong[2];
        for (int i = 0; i < states; i++)
        {
            Fill(set, i);
            Assert.Equal(-1, store.Find(set));
            Assert.Equal(i, store.Add(set, key: 3L * i, live: 5L * i, parent: i - 1, lastOp: i % 97));
        }
        var back = new ulong[2];
        for (int i = 0; i < states; i += 7)
        {
            Fill(set, i);
            int id = store.Find(set);
            Assert.Equal(i, id);
            Assert.Equal((3L * i, 5L * i, i - 1, i % 97), (store.Key(id), store.Live(id), store.Parent(id), store.LastOp(id)));
            store.CopySet(id, back);
            Assert.Equal(set, back);
            Assert.Equal(System.Numerics.BitOperations.PopCount(set[0]) + System.Numerics.BitOperations.PopCount(set[1]), store.Depth(id));
            Assert.False(store.IsClosed(id));
            store.Close(id);
            Assert.True(store.IsClosed(id));
        }
        store.Improve(150_001, key: 1, parent: 4, lastOp: 2);
        Assert.Equal((1L, 4, 2), (store.Key(150_001), store.Parent(150_001), store.LastOp(150_001)));
        Fill(set, states);
        Assert.Throws<InvalidOperationException>(() => store.Add(set, 0, 0, -1, -1));
    }

    private static void Fill(ulong[] set, int i)
    {
        set[0] = unchecked((ulong)i * 0x9E3779B97F4A7C15UL);
        set[1] = (ulong)i;
    }
}
