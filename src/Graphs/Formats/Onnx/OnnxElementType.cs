using System.Globalization;

namespace Scheduler.Graphs.Formats.Onnx;

/// <summary>
/// Bits per element of every ONNX tensor element type (TensorProto.DataType), including the types newer than the
/// generated onnx.proto (IR 8): float8 variants (17–20, 24), 4-bit (21–23) and 2-bit (25, 26) types, whose
/// numbers come from onnx.proto of ONNX 1.14–1.19. Sub-byte tensors are packed, so bytes = ceil(count·bits/8).
/// </summary>
internal static class OnnxElementType
{
    /// <summary>TensorProto.DataType.STRING: variable-length, so it has no size.</summary>
    public const int String = 8;

    /// <summary>Bits per element, 0 for UNDEFINED or an unknown number, -1 for STRING.</summary>
    public static int Bits(int dataType) => dataType switch
    {
        1 => 32,            // FLOAT
        2 or 3 => 8,        // UINT8, INT8
        4 or 5 => 16,       // UINT16, INT16
        6 => 32,            // INT32
        7 => 64,            // INT64
        String => -1,
        9 => 8,             // BOOL
        10 => 16,           // FLOAT16
        11 => 64,           // DOUBLE
        12 => 32,           // UINT32
        13 => 64,           // UINT64
        14 => 64,           // COMPLEX64
        15 => 128,          // COMPLEX128
        16 => 16,           // BFLOAT16
        17 or 18 or 19 or 20 => 8, // FLOAT8E4M3FN, FLOAT8E4M3FNUZ, FLOAT8E5M2, FLOAT8E5M2FNUZ
        21 or 22 or 23 => 4,       // UINT4, INT4, FLOAT4E2M1
        24 => 8,                   // FLOAT8E8M0
        25 or 26 => 2,             // UINT2, INT2
        _ => 0,
    };

    /// <summary>Bytes of <paramref name="count"/> packed elements of <paramref name="bits"/> bits (checked).</summary>
    public static long Bytes(long count, int bits)
        // ceil(count · bits / 8) without forming count · bits, which overflows for tensors above 2^63 / bits elements.
        => checked((count / 8 * bits) + ((count % 8 * bits) + 7) / 8);

    /// <summary>The type's name for messages.</summary>
    public static string Name(int dataType)
        => Enum.IsDefined(typeof(Proto.TensorProto.Types.DataType), dataType)
            ? ((Proto.TensorProto.Types.DataType)dataType).ToString()
            : dataType.ToString(CultureInfo.InvariantCulture);
}
