using static TorchSharp.torch;

namespace Scheduler.Topoformer.Tests;

/// <summary>
/// Proves build/TorchSharpPatch.targets works: the first torch call in a plain `dotnet test` loads libLibTorchSharp.so
/// (which fails on Debian 12 without the GLIBCXX_3.4.32 weak-flag patch) and computes a real result.
/// </summary>
public class TorchSharpLoadTests
{
    [Fact]
    public void MatMul_SmallMatrices_ComputesProduct()
    {
        using var a = tensor(new float[] { 1, 2, 3, 4 }, 2, 2);
        using var b = tensor(new float[] { 5, 6, 7, 8 }, 2, 2);
        using var c = matmul(a, b);
        Assert.Equal(new float[] { 19, 22, 43, 50 }, c.data<float>().ToArray());
    }

    [Fact]
    public void ScaledDotProductAttention_WithBooleanMask_IsFinite()
    {
        using var q = randn(1, 2, 5, 4);
        using var mask = ones(1, 2, 5, 5, dtype: ScalarType.Bool).tril();
        using var y = nn.functional.scaled_dot_product_attention(q, q, q, mask);
        Assert.Equal(new long[] { 1, 2, 5, 4 }, y.shape);
        Assert.True(y.isfinite().all().item<bool>());
    }

    [Fact]
    public void NativeLibrary_InTestOutput_IsPatchedWeak()
    {
        string so = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        if (!OperatingSystem.IsLinux() || !File.Exists(so))
        {
            return; // other platforms load their own natives
        }
        Assert.True(ElfVersionNeeds.IsWeak(File.ReadAllBytes(so), "GLIBCXX_3.4.32"), so);
    }
}
