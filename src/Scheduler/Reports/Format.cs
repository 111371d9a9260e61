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
}
