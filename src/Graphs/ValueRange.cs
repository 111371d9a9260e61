using System.Globalization;

namespace Scheduler.Graphs;

/// <summary>
/// The values a numeric setting accepts, for every place that reads one: CLI flags, the pass YAML, training configs
/// and state files. A value is accepted when it is finite, lies in [<see cref="Min"/>, <see cref="Max"/>] (the lower
/// end open when <see cref="MinExclusive"/>) and, for an integer setting, is whole. Callers name the setting and raise
/// their own exception; this type only says what is wrong, in words (<c>"must be an integer from 1 to 1000000, got 0"</c>).
/// </summary>
/// <param name="Min">Smallest accepted value (excluded when <paramref name="MinExclusive"/>).</param>
/// <param name="Max">Largest accepted value.</param>
/// <param name="MinExclusive">True for an open lower end: (Min, Max].</param>
/// <param name="Integer">True when only whole numbers are accepted.</param>
public sealed record ValueRange(double Min, double Max, bool MinExclusive = false, bool Integer = false)
{
    /// <summary>Whole numbers from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static ValueRange Integers(long min, long max) => new(min, max, Integer: true);

    /// <summary>Finite numbers in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static ValueRange Numbers(double min, double max) => new(min, max);

    /// <summary>Finite numbers in (0, <paramref name="max"/>].</summary>
    public static ValueRange Positive(double max) => new(0, max, MinExclusive: true);

    /// <summary>Any <see cref="int"/> (seeds).</summary>
    public static ValueRange AnyInt { get; } = Integers(int.MinValue, int.MaxValue);

    /// <summary>A probability: [0, 1].</summary>
    public static ValueRange Probability { get; } = Numbers(0, 1);

    /// <summary>What an accepted value is, in words: "an integer from 1 to 1000000", "a number in (0, 10000000]".</summary>
    public string Expected => Integer
        ? $"an integer from {Show(Min)} to {Show(Max)}"
        : $"a number in {(MinExclusive ? "(" : "[")}{Show(Min)}, {Show(Max)}]";

    /// <summary>True when <paramref name="value"/> is accepted.</summary>
    public bool Contains(double value)
        => double.IsFinite(value) && (MinExclusive ? value > Min : value >= Min) && value <= Max && (!Integer || Math.Floor(value) == value);

    /// <summary>Null when <paramref name="value"/> is accepted, else why not: "must be ..., got X".</summary>
    public string? Problem(double value) => Contains(value) ? null : $"must be {Expected}, got {Show(value)}";

    /// <summary>Parses <paramref name="text"/> (invariant culture; <c>nan</c>, <c>inf</c> and YAML's <c>.nan</c>,
    /// <c>.inf</c> read as such) and checks it. Returns null and sets <paramref name="value"/> when accepted, else
    /// why not, quoting the text.</summary>
    public string? Parse(string text, out double value)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParseNumber(text, out value))
        {
            return $"must be {Expected}, got '{text}'";
        }
        return Problem(value);
    }

    /// <summary>Reads a number the way flags and YAML write them: decimal or exponent notation, or nan/inf spelled
    /// as .NET or as YAML (<c>.nan</c>, <c>-.inf</c>).</summary>
    public static bool TryParseNumber(string text, out double value)
    {
        ArgumentNullException.ThrowIfNull(text);
        string t = text.Trim();
        switch (t.ToLowerInvariant())
        {
            case ".nan" or "nan":
                value = double.NaN;
                return true;
            case ".inf" or "+.inf" or "inf" or "+inf" or "infinity" or "+infinity":
                value = double.PositiveInfinity;
                return true;
            case "-.inf" or "-inf" or "-infinity":
                value = double.NegativeInfinity;
                return true;
        }
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static string Show(double v) => double.IsNaN(v) ? "NaN" : v.ToString(Math.Abs(v) < 1e15 ? "0.################" : "G", CultureInfo.InvariantCulture);
}
