using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Scheduler.Topoformer;

/// <summary>
/// Pins libtorch's CPU arithmetic to code paths that round alike on every x86-64 CPU, before anything in this assembly
/// touches torch. ATen picks its vectorised kernels per CPU (AVX2, AVX-512) and MKL its own, and their float32 results
/// differ in the last bits; a near tie between two ready ops then decodes differently, so the same graph, checkpoint
/// and seed gave another `topoformer-sample` order, and another pass result, on an AVX-512 machine than on the one the
/// bundled report was made on (layered-2000-019: 359,959 against 356,710 bytes; docs/DESIGN.md §8). With
/// <c>ATEN_CPU_CAPABILITY=default</c> and <c>MKL_CBWR=COMPATIBLE</c> all 196 Topoformer rows of the bundled set match
/// that machine, whatever ISA limit oneDNN or MKL is given, for about 10% more time on an 8,000-op greedy decode.
/// A variable the process already sets is left alone (a user who wants the fastest kernels sets it themselves).
/// </summary>
internal static class TorchReproducibility
{
    /// <summary>ATen's kernel choice; <c>default</c> is its portable, non-dispatched code.</summary>
    public const string AtenVariable = "ATEN_CPU_CAPABILITY";

    /// <summary>MKL's conditional numerical reproducibility; <c>COMPATIBLE</c> gives the same results on any x86 CPU.</summary>
    public const string MklVariable = "MKL_CBWR";

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries",
        Justification = "libtorch reads these variables once, when its first kernel runs: they must be set before any type of this assembly can call torch.")]
    internal static void Pin()
    {
        SetIfUnset(AtenVariable, "default");
        SetIfUnset(MklVariable, "COMPATIBLE");
    }

    private static void SetIfUnset(string name, string value)
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)))
        {
            return;
        }
        // On Unix .NET keeps its own copy of the environment, so the C environment, which libtorch and MKL read with
        // getenv, is set as well (overwriting an empty value, which ATen would ignore). On Windows only the process
        // environment is set; whether libtorch's C runtime sees it there is not verified (nothing here ships or tests
        // a Windows libtorch).
        Environment.SetEnvironmentVariable(name, value);
        if (!OperatingSystem.IsWindows())
        {
            _ = SetNative(name, value, overwrite: 1);
        }
    }

    [DllImport("libc", EntryPoint = "setenv", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int SetNative(string name, string value, int overwrite);
}
