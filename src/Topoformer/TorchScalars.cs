using TorchSharp;
using static TorchSharp.torch;

namespace Scheduler.Topoformer;

/// <summary>
/// Explicit torch scalars. TorchSharp 0.107 turns a C# number in tensor arithmetic (<c>x * 3.0</c>) into a temporary
/// Scalar whose native handle is passed on without keeping the object alive, so a GC in the middle of the native call
/// can finalize it: two training runs here died on a garbage scalar ("toFloat" overflow check in Adam.step, "Unknown
/// scalar type" in <c>Tensor * double</c>). Callers create scalars with <see cref="Of(double)"/> in a <c>using</c>,
/// which keeps them reachable until the call has returned. Tensor + and − hide the same trap: TorchSharp's
/// <c>add(Tensor)</c> passes a temporary alpha of 1 (a third run died in <c>THSTensor_add</c> on step 2,200), so tensor sums
/// go through <see cref="Plus"/>, whose alpha is one static, never-collected scalar (<c>sub(Tensor)</c> takes no alpha).
/// </summary>
internal static class TorchScalars
{
    /// <summary>A scalar the caller disposes after the torch call that uses it.</summary>
    public static Scalar Of(double value) => value.ToScalar();

    /// <summary>A single-precision scalar the caller disposes after use.</summary>
    public static Scalar Of(float value) => value.ToScalar();

    /// <summary>The alpha of tensor sums: static, so it stays reachable for the life of the process.</summary>
    internal static readonly Scalar One = 1.0f.ToScalar();

    /// <summary>The exponent of <see cref="Squared"/>: an integer 2, as TorchSharp's own <c>square()</c> passes it.</summary>
    private static readonly Scalar Two = 2.ToScalar();

    /// <summary><paramref name="a"/> squared element-wise: TorchSharp's <c>square()</c> is <c>pow(2)</c> with a temporary
    /// exponent (a fourth run died in <c>THSTensor_pow_scalar</c>); this is the same call with a static one, so the
    /// same numbers (<c>a * a</c> is not: it changed the 1,653rd step of the shipped recipe in the last digit).</summary>
    public static Tensor Squared(Tensor a) => a.pow(Two);

    /// <summary><paramref name="a"/> + <paramref name="b"/> (same value as the operator, safe alpha).</summary>
    public static Tensor Plus(Tensor a, Tensor b) => a.add(b, One);
}
