using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Scheduler.Topoformer.Model;

/// <summary>
/// MLP from node embeddings to one priority logit per node, standardised per graph as c·(x−mean)/std (docs/DESIGN.md §5) so
/// that the sampling temperature does not depend on the graph or the training stage.
/// </summary>
internal sealed class PriorityHead : nn.Module<Tensor, Tensor>
{
    private readonly Sequential _mlp;
    private readonly double _scale;

    public PriorityHead(string name, TopoformerOptions options) : base(name)
    {
        long d = options.ModelDim;
        _scale = options.LogitScale;
        _mlp = nn.Sequential(("fc1", nn.Linear(d, d)), ("relu", nn.ReLU()), ("fc2", nn.Linear(d, 1)));
        RegisterComponents();
    }

    /// <param name="x">[N, D] node embeddings.</param>
    /// <returns>[N] standardised logits.</returns>
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var raw = _mlp.forward(x).squeeze(-1); // [N]
        if (raw.shape[0] < 2)
        {
            return torch.zeros_like(raw).MoveToOuterDisposeScope(); // [N]; std of one value is undefined
        }
        var centered = raw - raw.mean(); // [N]
        // Explicit, disposed-after-use scalars: see TorchScalars for why no implicit double → Scalar conversions.
        using var epsilon = TorchScalars.Of(1e-6);
        using var scale = TorchScalars.Of(_scale);
        var std = TorchScalars.Squared(centered).mean().sqrt().add(epsilon, TorchScalars.One); // [] population std, never 0 (explicit alpha: TorchScalars)
        return centered.div(std).mul(scale).MoveToOuterDisposeScope(); // [N]
    }
}
