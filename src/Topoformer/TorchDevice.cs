using TorchSharp;

namespace Scheduler.Topoformer;

/// <summary>
/// The one place that picks the torch device: CPU by default; CUDA only when the project was built with the CUDA
/// backend (<c>-p:TorchBackend=cuda</c>, which references TorchSharp-cuda-linux) and a GPU is present.
/// </summary>
public static class TorchDevice
{
    private static readonly Lazy<torch.Device> Chosen = new(Choose);

    /// <summary>The device models and tensors are created on.</summary>
    public static torch.Device Default => Chosen.Value;

    private static torch.Device Choose()
    {
        // cuda.is_available() is false with the CPU-only libtorch, so no build property needs to be read here.
        return torch.cuda.is_available() ? torch.CUDA : torch.CPU;
    }
}
