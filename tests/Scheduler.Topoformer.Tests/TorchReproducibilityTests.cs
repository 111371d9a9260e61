using System.Runtime.InteropServices;
using Scheduler.Topoformer;

namespace Scheduler.Topoformer.Tests;

/// <summary>A fact that runs only on Linux, where /proc/self/environ holds the environment the process started with.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    /// <summary>Skips off Linux.</summary>
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "reads the process's starting environment from /proc/self/environ (Linux only).";
        }
    }
}

public sealed class TorchReproducibilityTests
{
    [LinuxFact]
    public void UsingTheAssembly_SetsThePortableKernelsInTheCEnvironment_UnlessTheProcessStartedWithThem()
    {
        _ = TorchDevice.Default;
        var started = File.ReadAllText("/proc/self/environ").Split('\0')
            .Select(e => e.Split('=', 2)).Where(kv => kv.Length == 2).ToDictionary(kv => kv[0], kv => kv[1]);
        foreach (var (name, pinned) in new[] { (TorchReproducibility.AtenVariable, "default"), (TorchReproducibility.MklVariable, "COMPATIBLE") })
        {
            string expected = started.TryGetValue(name, out var given) && given.Length > 0 ? given : pinned;
            Assert.Equal(expected, Marshal.PtrToStringUTF8(GetNative(name)));
            Assert.Equal(expected, Environment.GetEnvironmentVariable(name));
        }
    }

    [DllImport("libc", EntryPoint = "getenv", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern IntPtr GetNative(string name);
}
