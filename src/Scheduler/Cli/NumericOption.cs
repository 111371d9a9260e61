using System.CommandLine;
using System.CommandLine.Parsing;
using Scheduler.Graphs;

namespace Scheduler.Cli;

/// <summary>
/// Numeric flags that check their value while parsing, against a <see cref="ValueRange"/> declared once (the pass's
/// in <see cref="Pass.PassOptionRanges"/>): text that is not a number, NaN, infinities and values out of range are all
/// one parse error naming the flag and what it accepts (<c>--samples must be an integer from 1 to 1000000, got 0</c>),
/// so the CLI exits with code 2 before any work starts.
/// </summary>
public static class NumericOption
{
    /// <summary>An integer flag with a default.</summary>
    public static Option<int> Int(string name, string description, int defaultValue, ValueRange range)
        => new(name) { Description = description, DefaultValueFactory = _ => defaultValue, CustomParser = r => Parse(r, name, range, defaultValue, v => (int)v) };

    /// <summary>An integer flag that may be absent (null).</summary>
    public static Option<int?> OptionalInt(string name, string description, ValueRange range)
        => new(name) { Description = description, CustomParser = r => Parse<int?>(r, name, range, null, v => (int)v) };

    /// <summary>A 64-bit integer flag that may be absent (null); the range must lie within ±2^53.</summary>
    public static Option<long?> OptionalLong(string name, string description, ValueRange range)
        => new(name) { Description = description, CustomParser = r => Parse<long?>(r, name, range, null, v => (long)v) };

    /// <summary>A number flag with a default.</summary>
    public static Option<double> Number(string name, string description, double defaultValue, ValueRange range)
        => new(name) { Description = description, DefaultValueFactory = _ => defaultValue, CustomParser = r => Parse(r, name, range, defaultValue, v => v) };

    /// <summary>A number flag that may be absent (null).</summary>
    public static Option<double?> OptionalNumber(string name, string description, ValueRange range)
        => new(name) { Description = description, CustomParser = r => Parse<double?>(r, name, range, null, v => v) };

    private static T Parse<T>(ArgumentResult result, string name, ValueRange range, T fallback, Func<double, T> convert)
    {
        if (result.Tokens.Count == 0)
        {
            return fallback;
        }
        string text = result.Tokens[^1].Value;
        if (range.Parse(text, out double value) is string problem)
        {
            result.AddError($"{name} {problem}");
            return fallback;
        }
        return convert(value);
    }
}
