namespace Scheduler.Graphs.Tests.Formats.Onnx;

/// <summary>A fact that needs a file of several GiB that costs no disk: runs on Linux, where SetLength makes a sparse file.</summary>
public sealed class SparseFileFactAttribute : FactAttribute
{
    /// <summary>Skips unless the OS is Linux.</summary>
    public SparseFileFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "needs sparse files (Linux): the test file is several GiB long.";
        }
    }
}
