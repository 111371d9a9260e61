using Scheduler.Graphs;
using Scheduler.Graphs.Topology;
using TorchSharp;
using static TorchSharp.torch;

namespace Scheduler.Topoformer.Decoding;

/// <summary>
/// Log-probability of given orders under the sequential softmax over ready sets (the paper's policy):
/// log p(π) = Σ_t [ s_{π_t} − logsumexp_{j ∈ ready_t(π)} s_j ]. Batched over orders and differentiable in the logits,
/// which is what REINFORCE and imitation need. Memory O(K·N²) booleans for the ready masks.
/// With a memory weight w &gt; 0 the policy is memory-aware decoding's (<see cref="PriorityDecoder"/> at temperature 1):
/// every s_j at step t becomes s_j − w·m_t(j), m the <see cref="NetAllocation"/> term in the state before step t, a
/// constant of the order (no gradient); then the ready masks are O(K·N²) floats.
/// </summary>
public static class OrderLogProbability
{
    /// <summary>Log-probabilities [K] of <paramref name="orders"/> given <paramref name="logits"/> [N].</summary>
    /// <exception cref="InvalidScheduleException">An order is not a valid topological order of the graph.</exception>
    public static Tensor Compute(Tensor logits, ComputationGraph graph, IReadOnlyList<int[]> orders)
        => Compute(logits, graph, orders, 0, MemoryModelOptions.Default);

    /// <summary>Log-probabilities [K] of <paramref name="orders"/> under memory-aware decoding with weight
    /// <paramref name="memoryWeight"/> (0: the paper's policy) under <paramref name="memory"/>.</summary>
    /// <exception cref="InvalidScheduleException">An order is not a valid topological order of the graph.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="memoryWeight"/> is not a finite number ≥ 0.</exception>
    public static Tensor Compute(Tensor logits, ComputationGraph graph, IReadOnlyList<int[]> orders, double memoryWeight, MemoryModelOptions memory)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(memory);
        PriorityDecoder.CheckMemoryWeight(memoryWeight);
        int n = graph.OpCount, k = orders.Count;
        var chosen = new long[(long)k * n];
        for (int s = 0; s < k; s++)
        {
            MemoryModel.Validate(graph, orders[s]);
            for (int t = 0; t < n; t++)
            {
                chosen[(long)s * n + t] = orders[s][t];
            }
        }
        using var scope = NewDisposeScope();
        var device = logits.device;
        var index = torch.tensor(chosen, [k, n], device: device); // [K, N(step)]
        var expanded = logits.view(1, 1, n).expand(k, n, n); // [K, N(step), N(op)]
        var picked = logits.index_select(0, index.view(-1)).view(k, n); // [K, N]
        Tensor normaliser;
        if (memoryWeight == 0)
        {
            var ready = new bool[checked((long)k * n * n)];
            for (int s = 0; s < k; s++)
            {
                FillReady(graph, orders[s], ready.AsSpan(checked(s * n * n), n * n));
            }
            var readyMask = torch.tensor(ready, [k, n, n], device: device);
            using var minusInfinity = TorchScalars.Of(double.NegativeInfinity);
            normaliser = expanded.masked_fill(readyMask.logical_not(), minusInfinity).logsumexp(2); // [K, N]
        }
        else
        {
            var offsets = new float[checked((long)k * n * n)];
            var pickedOffsets = new float[(long)k * n];
            var term = new NetAllocation(graph, memory, memoryWeight);
            for (int s = 0; s < k; s++)
            {
                FillOffsets(graph, orders[s], term, offsets.AsSpan(checked(s * n * n), n * n), pickedOffsets.AsSpan(s * n, n));
            }
            var offsetTensor = torch.tensor(offsets, [k, n, n], device: device);
            normaliser = TorchScalars.Plus(expanded, offsetTensor).logsumexp(2); // [K, N] (Plus: TorchScalars says why not +)
            picked = TorchScalars.Plus(picked, torch.tensor(pickedOffsets, [k, n], device: device));
        }
        return (picked - normaliser).sum(1).MoveToOuterDisposeScope(); // [K]
    }

    /// <summary>ready[t·N + j] = op j is ready (all predecessors done, itself not yet) before step t.</summary>
    private static void FillReady(ComputationGraph graph, int[] order, Span<bool> ready)
    {
        int n = graph.OpCount;
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

    /// <summary>offsets[t·N + j] = −term of ready op j before step t, −∞ for an op not ready; picked[t] = the offset
    /// of the op the order runs at step t. The term is evaluated afresh for every ready op at every step, the plain
    /// definition the decoders' incremental updates are tested against.</summary>
    private static void FillOffsets(ComputationGraph graph, int[] order, NetAllocation term, Span<float> offsets, Span<float> picked)
    {
        int n = graph.OpCount;
        offsets.Fill(float.NegativeInfinity);
        term.Reset();
        var tracker = new ReadyTracker(graph);
        var ready = new List<int>();
        foreach (int v in tracker.Sources)
        {
            ready.Add(v);
        }
        for (int t = 0; t < n; t++)
        {
            var row = offsets.Slice(t * n, n);
            foreach (int v in ready)
            {
                row[v] = (float)-term.Of(v);
            }
            int u = order[t];
            picked[t] = row[u];
            ready.Remove(u);
            term.Run(u);
            ready.AddRange(tracker.Run(u));
        }
    }
}
