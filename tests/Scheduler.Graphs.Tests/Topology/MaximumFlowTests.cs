using QuikGraph;
using QuikGraph.Algorithms;
using QuikGraph.Algorithms.MaximumFlow;
using Scheduler.Graphs.Topology;

namespace Scheduler.Graphs.Tests.Topology;

public sealed class MaximumFlowTests
{
    [Fact]
    public void Solve_ClassicNetwork_GivesItsMaximumFlow()
    {
        // CLRS figure 26.1: maximum flow 23.
        var flow = new MaximumFlow();
        flow.Reset(6);
        (int, int, long)[] edges = [(0, 1, 16), (0, 2, 13), (2, 1, 4), (1, 3, 12), (3, 2, 9), (2, 4, 14), (4, 3, 7), (3, 5, 20), (4, 5, 4)];
        foreach (var (a, b, c) in edges)
        {
            flow.AddEdge(a, b, c);
        }
        Assert.Equal(23, flow.Solve(0, 5));
    }

    [Fact]
    public void Solve_RandomNetworks_EqualsQuikGraphsEdmondsKarp()
    {
        var flow = new MaximumFlow();
        for (int seed = 0; seed < 200; seed++)
        {
            var random = new Random(seed);
            int nodes = random.Next(2, 14);
            var edges = new List<(int From, int To, long Capacity)>();
            for (int k = random.Next(0, nodes * 4); k > 0; k--)
            {
                int a = random.Next(nodes), b = random.Next(nodes);
                if (a != b)
                {
                    edges.Add((a, b, random.Next(6) == 0 ? MaximumFlow.Infinite / 1024 : random.Next(0, 50)));
                }
            }
            flow.Reset(nodes);
            foreach (var (a, b, c) in edges)
            {
                flow.AddEdge(a, b, c);
            }
            long ours = flow.Solve(0, nodes - 1);
            Assert.True(ReferenceFlow(nodes, edges) == ours, $"seed {seed}: ours {ours}, QuikGraph {ReferenceFlow(nodes, edges)}");
        }
    }

    [Fact]
    public void Solve_LongChain_DoesNotOverflowTheStack()
    {
        const int n = 200_000;
        var flow = new MaximumFlow();
        flow.Reset(n);
        for (int i = 0; i + 1 < n; i++)
        {
            flow.AddEdge(i, i + 1, i == n / 2 ? 3 : 10);
        }
        Assert.Equal(3, flow.Solve(0, n - 1));
    }

    /// <summary>QuikGraph's Edmonds–Karp on a copy of the network (parallel edges merged, since its residual graph
    /// keys capacities by edge object; exact here because the capacities are far below 2^53).</summary>
    private static long ReferenceFlow(int nodes, List<(int From, int To, long Capacity)> edges)
    {
        var merged = edges.GroupBy(e => (e.From, e.To)).ToDictionary(g => g.Key, g => g.Sum(e => (double)e.Capacity));
        var graph = new BidirectionalGraph<int, TaggedEdge<int, double>>(allowParallelEdges: true);
        graph.AddVertexRange(Enumerable.Range(0, nodes));
        foreach (var ((a, b), c) in merged)
        {
            graph.AddEdge(new TaggedEdge<int, double>(a, b, c));
        }
        if (nodes < 2 || graph.OutDegree(0) == 0)
        {
            return 0;
        }
        EdgeFactory<int, TaggedEdge<int, double>> reversed = (s, t) => new TaggedEdge<int, double>(s, t, 0);
        var augmentor = new ReversedEdgeAugmentorAlgorithm<int, TaggedEdge<int, double>>(graph, reversed);
        augmentor.AddReversedEdges();
        double value = graph.MaximumFlow(e => e.Tag, 0, nodes - 1, out _, reversed, augmentor);
        return (long)value;
    }
}
