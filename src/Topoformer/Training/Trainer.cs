using Scheduler.Topoformer.Decoding;
using Scheduler.Topoformer.Model;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Scheduler.Topoformer.Training;

/// <summary>
/// Owns the optimisation: REINFORCE steps (Williams 1992) with the paper's rollout baseline or the One-Shot mean
/// baseline, imitation steps (maximum likelihood of teacher orders), validation by greedy decoding, and the frozen
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

    /// <summary>One REINFORCE step: loss = mean_g mean_k (cost_k − b_g)·log p(order_k) / N_g.</summary>
    public StepMetrics ReinforceStep(IReadOnlyList<TrainingGraph> batch, Random random)
    {
        Network.train();
        Optimizer.zero_grad();
        double loss = 0, sampleCost = 0, baseCost = 0, greedyCost = 0;
        int k = _config.SamplesPerGraph;
        foreach (var item in batch)
        {
            using var scope = NewDisposeScope();
            var logits = Forward(item); // [N]
            float[] priorities = logits.detach().cpu().data<float>().ToArray();
            var orders = new int[k][];
            var costs = new double[k];
            for (int s = 0; s < k; s++)
            {
                orders[s] = PriorityDecoder.Decode(item.Graph, priorities, DecodeMode.Sample, random);
                costs[s] = item.Cost(orders[s]);
            }
            double baseline = _frozen is null ? costs.Average() : item.Cost(GreedyOrder(_frozen, item));
            var advantage = torch.tensor(Array.ConvertAll(costs, c => (float)(c - baseline)), device: _device); // [K]
            var logp = OrderLogProbability.Compute(logits, item.Graph, orders); // [K]
            using var weight = TorchScalars.Of(1.0 / (item.Graph.OpCount * (double)batch.Count));
            var graphLoss = (advantage * logp).mean().mul(weight); // []
            graphLoss.backward();
            loss += graphLoss.item<float>();
            sampleCost += costs.Average() / batch.Count;
            baseCost += baseline / batch.Count;
            greedyCost += item.Cost(PriorityDecoder.Decode(item.Graph, priorities, DecodeMode.Greedy, random)) / batch.Count;
        }
        double norm = ClipAndStep();
        return new StepMetrics(loss, sampleCost, baseCost, greedyCost, norm);
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
            var logp = OrderLogProbability.Compute(logits, item.Graph, [item.Teacher]); // [1]
            using var weight = TorchScalars.Of(-1.0 / (item.Graph.OpCount * (double)batch.Count));
            var graphLoss = logp.sum().mul(weight); // []
            graphLoss.backward();
            loss += graphLoss.item<float>();
            teacherCost += item.Cost(item.Teacher) / batch.Count;
            float[] priorities = logits.detach().cpu().data<float>().ToArray();
            greedyCost += item.Cost(PriorityDecoder.Decode(item.Graph, priorities, DecodeMode.Greedy, new Random(0))) / batch.Count;
        }
        double norm = ClipAndStep();
        return new StepMetrics(loss, teacherCost, 0, greedyCost, norm);
    }

    /// <summary>Mean greedy cost (peak / lower bound) of <paramref name="network"/> over a fixed set.</summary>
    public static double Validate(TopoformerNetwork network, IReadOnlyList<TrainingGraph> set)
    {
        bool wasTraining = network.training;
        network.eval();
        double total = 0;
        foreach (var item in set)
        {
            total += item.Cost(GreedyOrder(network, item));
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

    private static int[] GreedyOrder(TopoformerNetwork network, TrainingGraph item)
        => PriorityDecoder.Decode(item.Graph, network.Priorities(item.Encoding), DecodeMode.Greedy, new Random(0));

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
