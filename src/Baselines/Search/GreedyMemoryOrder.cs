using Scheduler.Graphs;

namespace Scheduler.Baselines.Search;

/// <summary>
/// A small memory-greedy list scheduler used only as a fallback start for search and exact methods when no heuristic
/// catalog is wired in. Among ready ops it prefers the one that keeps the running peak lowest, then the best net
/// allocation (outputs minus bytes freed), then input order — the rule of PyTorch Inductor's least-peak-memory-first
/// greedy (torch/_inductor/memory.py), kept deliberately simple here.
/// </summary>
internal static class GreedyMemoryOrder
{
    /// <summary>O(N · R · d) for R ready ops of average degree d; fine for the graph sizes searched.</summary>
    public static int[] Order(ComputationGraph graph, CancellationToken cancellationToken)
    {
        int n = graph.OpCount;
        var indegree = new int[n];
        var ready = new List<int>();
        for (int v = 0; v < n; v++)
        {
            indegree[v] = graph.Predecessors(v).Length;
            if (indegree[v] == 0)
            {
                ready.Add(v);
            }
        }
        var sim = new MemorySimulator(graph);
        var order = new int[n];
        for (int step = 0; step < n; step++)
        {
            if ((step & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            int bestAt = 0;
            long bestPeak = long.MaxValue, bestNet = long.MaxValue;
            for (int k = 0; k < ready.Count; k++)
            {
                int v = ready[k];
                long peak = Math.Max(sim.PeakBytes, sim.StepBytes(v));
                long net = graph.OutputBytes(v) - sim.FreedBy(v);
                if (peak < bestPeak || (peak == bestPeak && (net < bestNet || (net == bestNet && v < ready[bestAt]))))
                {
                    bestAt = k;
                    bestPeak = peak;
                    bestNet = net;
                }
            }
            int op = ready[bestAt];
            ready.RemoveAt(bestAt);
            sim.Execute(op);
            order[step] = op;
            foreach (int w in graph.Successors(op))
            {
                if (--indegree[w] == 0)
                {
                    ready.Add(w);
                }
            }
        }
        return order;
    }
}
