using Scheduler.Graphs;
using Scheduler.Topoformer.Decoding;
using Scheduler.Topoformer.Model;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Scheduler.Topoformer.Training;

/// <summary>
/// Owns the optimisation: REINFORCE steps (Williams 1992) with the paper's rollout baseline or the One-Shot mean
/// baseline, optionally with the expert-iteration term (imitating the best sample improved by local search),
/// imitation steps (maximum likelihood of teacher orders), validation by greedy decoding, and the frozen
/// baseline copy. Each graph's loss is backpropagated on its own (gradients accumulate) to bound memory.
/// </summary>
internal sealed class Trainer : IDisposable
{
    private readonly TrainingConfig _config;
    private readonly Device _device;
    private static readonly object GcGate = new();
    private readonly TopoformerNetwork? _frozen;

    public Trainer(TrainingConfig config, TopoformerNetwork network, Device device)
    {
        _config = config;
        _device = device;
        Network = network;
        Optimizer = optim.Adam(network.parameters(), lr: config.LearningRate);
        if (config.Baseline == "rollout")
        {
            _frozen = new TopoformerNetwork(config.Model);
            _frozen.to(device);
            CopyWeights(network, _frozen);
            _frozen.eval();
        }
    }

    public TopoformerNetwork Network { get; }

    public Adam Optimizer { get; }

    /// <summary>The frozen rollout baseline, when the config uses one.</summary>
    public TopoformerNetwork? Frozen => _frozen;

    /// <summary>
    /// One REINFORCE step: loss = mean_g [ mean_k (cost_k − b_g)·log p(order_k) − w·log p(target_g) ] / N_g, where the
    /// expert term (weight w = <c>expert_weight</c>, only when <paramref name="expert"/>) imitates the best of the K
    /// samples improved by local search (<see cref="ExpertSearch"/>); its search seed is drawn from
    /// <paramref name="random"/> after the graph's samples, so a step without it draws exactly what it always did.
    /// </summary>
    public StepMetrics ReinforceStep(IReadOnlyList<TrainingGraph> batch, Random random, bool expert = false)
    {
        Network.train();
        Optimizer.zero_grad();
        double loss = 0, sampleCost = 0, baseCost = 0, greedyCost = 0, bestCost = 0, expertCost = 0;
        int k = _config.SamplesPerGraph;
        foreach (var item in batch)
        {
            using var scope = NewDisposeScope();
            var logits = Forward(item); // [N]
            float[] priorities = logits.detach().cpu().data<float>().ToArray();
            var orders = new List<int[]>(k + 1);
            var costs = new double[k];
            for (int s = 0; s < k; s++)
            {
                orders.Add(Decode(item, priorities, DecodeMode.Sample, random, _config.MemoryWeight));
                costs[s] = item.Cost(orders[s]);
            }
            double baseline = _frozen is null ? costs.Average() : item.Cost(GreedyOrder(_frozen, item, _config.MemoryWeight));
            if (expert)
            {
                int best = Array.IndexOf(costs, costs.Min()); // the first of equal costs: deterministic
                orders.Add(ExpertTarget(item, orders[best], random.Next()));
                bestCost += costs[best] / batch.Count;
                expertCost += item.Cost(orders[k]) / batch.Count;
            }
            var advantage = torch.tensor(Array.ConvertAll(costs, c => (float)(c - baseline)), device: _device); // [K]
            var logp = OrderLogProbability.Compute(logits, item.Graph, orders, _config.MemoryWeight, MemoryModelOptions.Default); // [K] or [K + 1]
            using var weight = TorchScalars.Of(1.0 / (item.Graph.OpCount * (double)batch.Count));
            var graphLoss = (advantage * logp.narrow(0, 0, k)).mean(); // []
            if (expert)
            {
                using var expertWeight = TorchScalars.Of(_config.ExpertWeight);
                graphLoss = graphLoss - logp[k].mul(expertWeight); // []
            }
            graphLoss = graphLoss.mul(weight); // []
            graphLoss.backward();
            loss += graphLoss.item<float>();
            sampleCost += costs.Average() / batch.Count;
            baseCost += baseline / batch.Count;
            greedyCost += item.Cost(Decode(item, priorities, DecodeMode.Greedy, random, _config.MemoryWeight)) / batch.Count;
        }
        double norm = ClipAndStep();
        return new StepMetrics(loss, sampleCost, baseCost, greedyCost, norm, expert ? bestCost : null, expert ? expertCost : null);
    }

    /// <summary>The imitation target of expert iteration: <paramref name="start"/> improved by local search.</summary>
    /// <exception cref="InvalidOperationException">The search's wall-clock safety cap cut it: the target would depend
    /// on the machine's speed, and the run would no longer be reproducible.</exception>
    private int[] ExpertTarget(TrainingGraph item, int[] start, int seed)
    {
        var (order, capped) = ExpertSearch.Improve(item.Analysis, start, _config.ExpertSearchMoves, seed);
        if (capped)
        {
            throw new InvalidOperationException(
                $"expert_search_moves = {_config.ExpertSearchMoves} moves on a {item.Graph.OpCount}-op graph hit the local search's wall-clock safety cap; lower the budget.");
        }
        return order;
    }

    /// <summary>One imitation step: loss = −mean_g log p(teacher_g) / N_g.</summary>
    public StepMetrics ImitationStep(IReadOnlyList<TrainingGraph> batch)
    {
        Network.train();
        Optimizer.zero_grad();
        double loss = 0, teacherCost = 0, greedyCost = 0;
        foreach (var item in batch)
        {
            using var scope = NewDisposeScope();
            var logits = Forward(item); // [N]
            var logp = OrderLogProbability.Compute(logits, item.Graph, [item.Teacher], _config.MemoryWeight, MemoryModelOptions.Default); // [1]
            using var weight = TorchScalars.Of(-1.0 / (item.Graph.OpCount * (double)batch.Count));
            var graphLoss = logp.sum().mul(weight); // []
            graphLoss.backward();
            loss += graphLoss.item<float>();
            teacherCost += item.Cost(item.Teacher) / batch.Count;
            float[] priorities = logits.detach().cpu().data<float>().ToArray();
            greedyCost += item.Cost(Decode(item, priorities, DecodeMode.Greedy, new Random(0), _config.MemoryWeight)) / batch.Count;
        }
        double norm = ClipAndStep();
        return new StepMetrics(loss, teacherCost, 0, greedyCost, norm);
    }

    /// <summary>Mean greedy cost (peak / lower bound) of <paramref name="network"/> over a fixed set, decoded with
    /// memory weight <paramref name="memoryWeight"/> (the policy being trained).</summary>
    public static double Validate(TopoformerNetwork network, IReadOnlyList<TrainingGraph> set, double memoryWeight)
    {
        bool wasTraining = network.training;
        network.eval();
        double total = 0;
        foreach (var item in set)
        {
            total += item.Cost(GreedyOrder(network, item, memoryWeight));
        }
        network.train(wasTraining);
        return total / set.Count;
    }

    /// <summary>Copies the trained weights into the frozen baseline (the paper refreshes it when validation improves).</summary>
    public void RefreshFrozen()
    {
        if (_frozen is not null)
        {
            CopyWeights(Network, _frozen);
        }
    }

    public void Dispose()
    {
        Optimizer.Dispose();
        _frozen?.Dispose();
    }

    internal static void CopyWeights(TopoformerNetwork from, TopoformerNetwork to)
    {
        using var noGrad = torch.no_grad();
        var source = from.state_dict();
        foreach (var (name, target) in to.state_dict())
        {
            target.copy_(source[name]);
        }
    }

    private Tensor Forward(TrainingGraph item)
    {
        var features = item.Encoding.FeatureTensor(_device); // [N, F]
        var index = item.Encoding.AttentionTensors(_device, Network.Options.HeadsPerMask); // per relation [N, W] keys and biases, freed by the caller's scope
        return Network.forward(features, index); // [N]
    }

    private static int[] GreedyOrder(TopoformerNetwork network, TrainingGraph item, double memoryWeight)
        => Decode(item, network.Priorities(item.Encoding), DecodeMode.Greedy, new Random(0), memoryWeight);

    /// <summary>One order of the policy being trained: memory weight <paramref name="memoryWeight"/>, temperature 1.</summary>
    private static int[] Decode(TrainingGraph item, float[] priorities, DecodeMode mode, Random random, double memoryWeight)
        => PriorityDecoder.Decode(item.Graph, priorities, mode, random, 1.0, memoryWeight, MemoryModelOptions.Default);

    /// <summary>
    /// Clips and applies the gradients with the GC held off: a run once died inside Adam.step with a native
    /// "toFloat" check on a garbage scalar (step 540, not reproducible on resume), which fits a finalizer freeing a
    /// temporary Scalar that native code still reads. No GC during the step means no such finalizer can run.
    /// </summary>
    private double ClipAndStep()
    {
        double max = _config.GradClip > 0 ? _config.GradClip : double.MaxValue;
        lock (GcGate) // the no-GC region is process-wide: one trainer at a time may hold it
        {
            bool noGc = GC.TryStartNoGCRegion(16L << 20);
            try
            {
                double norm = nn.utils.clip_grad_norm_(Network.parameters(), max);
                Optimizer.step();
                return norm;
            }
            finally
            {
                if (noGc && System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion)
                {
                    GC.EndNoGCRegion();
                }
            }
        }
    }
}
