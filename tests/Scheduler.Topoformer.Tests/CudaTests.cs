using Scheduler.Topoformer.Decoding;
using Scheduler.Graphs;
using TorchSharp;

namespace Scheduler.Topoformer.Tests;

/// <summary>A fact that runs only where torch sees a CUDA device (a build with -p:TorchBackend=cuda on a GPU machine).</summary>
public sealed class CudaFactAttribute : FactAttribute
{
    /// <summary>Skips unless CUDA is available.</summary>
    public CudaFactAttribute()
    {
        if (!torch.cuda.is_available())
        {
            Skip = "torch.cuda.is_available() is false (CPU backend or no GPU).";
        }
    }
}

public class CudaTests
{
    [CudaFact]
    public void Forward_OnCuda_MatchesCpu()
    {
        using var network = Toy.Network(31);
        network.eval();
        var graph = Toy.Diamond();
        var encoding = GraphEncoding.Create(graph, network.Options);
        float[] cpu = network.Priorities(encoding);
        network.to(torch.CUDA);
        float[] gpu = network.Priorities(encoding);
        for (int i = 0; i < cpu.Length; i++)
        {
            Assert.Equal(cpu[i], gpu[i], 3);
        }
        Assert.True(MemoryModel.IsValid(graph, PriorityDecoder.Decode(graph, gpu, DecodeMode.Greedy, new Random(1)), out _));
    }

    [Fact]
    public void DefaultDevice_IsCudaExactlyWhenAvailable()
        => Assert.Equal(torch.cuda.is_available() ? DeviceType.CUDA : DeviceType.CPU, TorchDevice.Default.type);
}
