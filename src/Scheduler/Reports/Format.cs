using System.Globalization;

namespace Scheduler.Reports;

/// <summary>Number formatting shared by tables and reports (invariant culture).</summary>
public static class Format
{
    /// <summary>Bytes with a binary unit, e.g. "12.3 MiB".</summary>
    public static string Bytes(long? bytes)
    {
        if (bytes is not long b)
        {
            return "—";
        }
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double v = b;
        int u = 0;
        while (Math.Abs(v) >= 1024 && u < units.Length - 1)
        {
            v /= 1024;
            u++;
        }
        return u == 0 ? $"{b} B" : string.Create(CultureInfo.InvariantCulture, $"{v:0.##} {units[u]}");
    }

    /// <summary>A ratio with three decimals, or a dash.</summary>
    public static string Ratio(double? ratio)
        => ratio is double r && !double.IsNaN(r) ? r.ToString("0.000", CultureInfo.InvariantCulture) : "—";

    /// <summary>Milliseconds with sensible precision.</summary>
    public static string Ms(double ms)
        => double.IsNaN(ms) ? "—" : ms.ToString(ms < 10 ? "0.00" : ms < 1000 ? "0.0" : "0", CultureInfo.InvariantCulture);

    /// <summary>A duration for people: "0.02 ms", "214 ms", "2.9 s", "4 min 31 s", "1 h 5 min"; a dash for NaN.</summary>
    public static string Duration(double ms)
    {
        if (double.IsNaN(ms))
        {
            return "—";
        }
        var c = CultureInfo.InvariantCulture;
        return ms < 100 ? $"{Ms(ms)} ms"
            : ms < 1000 ? ms.ToString("0", c) + " ms"
            : ms < 60_000 ? (ms / 1000).ToString(ms < 10_000 ? "0.0" : "0", c) + " s"
            : ms < 3_600_000 ? $"{(long)(ms / 60_000)} min {(long)(ms % 60_000 / 1000)} s"
            : $"{(long)(ms / 3_600_000)} h {(long)(ms % 3_600_000 / 60_000)} min";
    }

    /// <summary>A relative change as a signed percentage ("−31.8%", "+0.0%"), or a dash.</summary>
    public static string Change(double? change)
        => change is double c && !double.IsNaN(c)
            ? (c < 0 ? "\u2212" : "+") + Math.Abs(c * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%"
            : "—";
}
