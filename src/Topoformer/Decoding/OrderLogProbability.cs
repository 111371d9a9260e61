using Scheduler.Graphs;
using Scheduler.Graphs.Topology;
using TorchSharp;
using static TorchSharp.torch;

namespace Scheduler.Topoformer.Decoding;

/// <summary>
/// Log-probability of given orders under the sequential softmax over ready sets (the paper's policy):
/// log p(π) = Σ_t [ s_{π_t} − logsumexp_{j ∈ ready_t(π)} s_j ]. Batched over orders and differentiable in the logits,
/// which is what REINFORCE and imitation need. Memory O(K·N²) booleans for the ready masks.
/// </summary>
public static class OrderLogProbability
{
    /// <summary>Log-probabilities [K] of <paramref name="orders"/> given <paramref name="logits"/> [N].</summary>
    /// <exception cref="InvalidScheduleException">An order is not a valid topological order of the graph.</exception>
    public static Tensor Compute(Tensor logits, ComputationGraph graph, IReadOnlyList<int[]> orders)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(orders);
        int n = graph.OpCount, k = orders.Count;
        var ready = new bool[checked((long)k * n * n)];
        var chosen = new long[(long)k * n];
        for (int s = 0; s < k; s++)
        {
            FillReady(graph, orders[s], ready.AsSpan(checked(s * n * n), n * n));
            for (int t = 0; t < n; t++)
            {
                chosen[(long)s * n + t] = orders[s][t];
            }
        }
        using var scope = NewDisposeScope();
        var device = logits.device;
        var readyMask = torch.tensor(ready, [k, n, n], device: device); // [K, N(step), N(op)]
        var index = torch.tensor(chosen, [k, n], device: device); // [K, N(step)]
        var expanded = logits.view(1, 1, n).expand(k, n, n); // [K, N, N]
        using var minusInfinity = TorchScalars.Of(double.NegativeInfinity);
        var normaliser = expanded.masked_fill(readyMask.logical_not(), minusInfinity).logsumexp(2); // [K, N]
        var picked = logits.index_select(0, index.view(-1)).view(k, n); // [K, N]
        return (picked - normaliser).sum(1).MoveToOuterDisposeScope(); // [K]
    }

    /// <summary>ready[t·N + j] = op j is ready (all predecessors done, itself not yet) before step t.</summary>
    private static void FillReady(ComputationGraph graph, int[] order, Span<bool> ready)
    {
        int n = graph.OpCount;
        MemoryModel.Validate(graph, order);
        var tracker = new ReadyTracker(graph);
        var isReady = new bool[n];
        foreach (int v in tracker.Sources)
        {
            isReady[v] = true;
        }
        for (int t = 0; t < n; t++)
        {
            isReady.AsSpan().CopyTo(ready.Slice(t * n, n));
            int u = order[t];
            isReady[u] = false;
            foreach (int w in tracker.Run(u))
            {
                isReady[w] = true;
            }
        }
    }
}
