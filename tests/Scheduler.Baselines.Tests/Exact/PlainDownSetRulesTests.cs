using Scheduler.Baselines.Exact;
using Scheduler.Graphs;
using Scheduler.Testing;

namespace Scheduler.Baselines.Tests.Exact;

public sealed class PlainDownSetRulesTests
{
    [Fact]
    public void EveryPrefixOfEveryOrder_ReadyOpsFreesAndLiveBytes_MatchTheSimulator()
    {
        int frees = 0;
        for (int seed = 0; seed < 120; seed++)
        {
            var graph = seed % 2 == 0 ? TinyGraphs.Random(seed, maxOps: 8) : TestData.RandomDag(seed, maxNodes: 70);
            var rules = new PlainDownSetRules(graph);
            var ready = new int[graph.OpCount];
            foreach (int[] order in NaiveSimulator.AllOrders(graph).Take(30))
            {
                var sim = new MemorySimulator(graph);
                var bits = new ulong[(graph.OpCount + 63) >> 6];
                long live = sim.LiveBytes;
                for (int k = 0; k <= order.Length; k++)
                {
                    Assert.Equal(sim.LiveBytes, live);
                    var scheduled = Enumerable.Range(0, graph.OpCount).Where(v => (bits[v >> 6] & (1UL << (v & 63))) != 0).ToHashSet();
                    var expected = Enumerable.Range(0, graph.OpCount)
                        .Where(v => !scheduled.Contains(v) && graph.Predecessors(v).ToArray().All(scheduled.Contains)).ToArray();
                    int count = rules.Ready(bits, ready);
                    Assert.Equal(expected, ready[..count]);
                    foreach (int v in expected)
                    {
                        Assert.Equal(sim.FreedBy(v), rules.FreedBy(v, bits));
                        frees += sim.FreedBy(v) > 0 ? 1 : 0;
                    }
                    if (k == order.Length)
                    {
                        break;
                    }
                    int op = order[k];
                    live += graph.OutputBytes(op) - rules.FreedBy(op, bits);
                    sim.Execute(op);
                    bits[op >> 6] |= 1UL << (op & 63);
                }
            }
        }
        Assert.True(frees > 0, "no step freed anything, so the free rule went untested");
    }
}
