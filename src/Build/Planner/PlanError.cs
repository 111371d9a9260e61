using System.Globalization;
using System.Text.RegularExpressions;
using Scheduler.Graphs;

namespace Scheduler.Build.Planner;

/// <summary>Why a plan could not be made, as the plan file records it for the generator's diagnostic.</summary>
/// <param name="Kind">What was wrong: <see cref="GraphKind"/> (the graph file, SCHED001) or <see cref="OptionsKind"/>
/// (the item's metadata, SCHED004).</param>
/// <param name="Message">One sentence naming the place and the problem, without the file path (the diagnostic's
/// location carries it).</param>
/// <param name="Line">1-based line in the graph file, or 0 when the place is not a line (a binary ONNX file).</param>
/// <param name="Column">1-based column, or 0.</param>
public sealed partial record PlanError(string Kind, string Message, int Line = 0, int Column = 0)
{
    /// <summary>The graph cannot be read: malformed, cyclic, an unknown shape.</summary>
    public const string GraphKind = "graph";

    /// <summary>The request's options are wrong: an unknown method, a bad effort or dim.</summary>
    public const string OptionsKind = "options";

    /// <summary>
    /// The error for a graph the readers refused. Their messages start with the path (and, for malformed JSON,
    /// <c>line:column</c>); that prefix becomes the location. A cycle in a JSON graph is placed at the line that
    /// declares the cycle's first node, so the editor jumps to it.
    /// </summary>
    public static PlanError FromGraph(GraphFormatException error, string graphPath)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(graphPath);
        string message = error.Message;
        if (message.StartsWith(graphPath + ":", StringComparison.Ordinal))
        {
            message = message[(graphPath.Length + 1)..];
        }
        var at = LineColumn().Match(message);
        if (at.Success)
        {
            return new PlanError(GraphKind, InBuildTerms(message[at.Length..].Trim()), Number(at.Groups[1].Value), Number(at.Groups[2].Value));
        }
        message = InBuildTerms(message.Trim());
        if (error.InnerException is CycleException { CycleIds.Count: > 0 } cycle && TryFindNodeLine(graphPath, cycle.CycleIds[0], out int line))
        {
            return new PlanError(GraphKind, message, line, 1);
        }
        return new PlanError(GraphKind, message);
    }

    /// <summary>The error for bad options (metadata) of the request.</summary>
    public static PlanError FromOptions(string message) => new(OptionsKind, message);

    /// <summary>The readers' advice names CLI flags; at build time the same knobs are item metadata.</summary>
    private static string InBuildTerms(string message)
        => message.Replace("bind it with --dim ", "bind it with the item's Dims, ", StringComparison.Ordinal)
            .Replace("pass a default with --unknown-size BYTES", "set UnknownSize=BYTES", StringComparison.Ordinal);

    private static bool TryFindNodeLine(string graphPath, long id, out int line)
    {
        line = 0;
        if (!graphPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var pattern = new Regex($"\"id\"\\s*:\\s*{id.ToString(CultureInfo.InvariantCulture)}(?![0-9])", RegexOptions.CultureInvariant);
        int number = 0;
        foreach (string text in File.ReadLines(graphPath))
        {
            number++;
            if (pattern.IsMatch(text))
            {
                line = number;
                return true;
            }
        }
        return false;
    }

    private static int Number(string digits)
        => int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : 0;

    [GeneratedRegex(@"^\s*([0-9]+):([0-9]+):")]
    private static partial Regex LineColumn();
}
