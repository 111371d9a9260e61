using TorchSharp;

namespace Scheduler.Topoformer.Training;

/// <summary>
/// Saves and restores torch's default (CPU) generator, which draws the dropout masks (and initialises weights). The
/// System.Random streams of training need no saving: each step builds its own from (seed, step).
/// </summary>
/// <remarks>
/// TorchSharp 0.107 exposes only the CPU generator's state. With the CUDA backend dropout draws from the CUDA
/// generator, which this cannot capture, so a resume there is exact only with <c>dropout: 0</c>.
/// </remarks>
internal static class TorchRandomState
{
    /// <summary>The generator's state as bytes (an opaque blob of libtorch's CPU generator, about 5 KB).</summary>
    public static byte[] Capture()
    {
        using var state = torch.random.get_rng_state(); // [S] uint8
        return state.data<byte>().ToArray();
    }

    /// <summary>Puts back a state from <see cref="Capture"/>.</summary>
    /// <exception cref="TopoformerConfigException">The bytes are not a state of this libtorch's CPU generator (the
    /// message names <paramref name="sourcePath"/>).</exception>
    public static void Restore(byte[] state, string sourcePath)
    {
        ArgumentNullException.ThrowIfNull(state);
        int expected = Capture().Length;
        if (state.Length != expected)
        {
            throw new TopoformerConfigException(sourcePath,
                $"{sourcePath}: {state.Length} bytes, but a random generator state of this build has {expected}; the file is damaged or from another libtorch.");
        }
        using var tensor = torch.tensor(state, dtype: torch.uint8); // [S]
        try
        {
            torch.random.set_rng_state(tensor);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // libtorch checks the blob's own fields (a damaged file) and reports whatever it hits first.
            throw new TopoformerConfigException(sourcePath, $"{sourcePath}: not a usable random generator state ({e.Message}).", inner: e);
        }
    }
}
