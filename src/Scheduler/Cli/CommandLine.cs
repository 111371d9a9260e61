using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using Scheduler.Graphs;

namespace Scheduler.Cli;

/// <summary>
/// Builds the command tree and maps failures to exit codes: 0 ok, 2 bad input (one clear line on stderr), 1 internal
/// error (stack trace only with <c>--verbose</c>).
/// </summary>
public static partial class CommandLine
{
    /// <summary>Parses and runs <paramref name="args"/>.</summary>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        bool verbose = args.Contains("--verbose");
        var root = new RootCommand("scheduler: memory-aware operator scheduling (Topoformer, baselines, exact solvers)");
        root.Options.Add(new Option<bool>("--verbose") { Description = "Show stack traces on internal errors", Recursive = true });
        foreach (var command in new[] { GenerateCommand.Create(), ScheduleCommand.Create(), CompareCommand.Create(), MethodsCommand.Create(), ModelsCommand.Create(), TrainCommand.Create() })
        {
            root.Subcommands.Add(command);
        }
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            Console.Error.WriteLine($"scheduler: {OneLine(ParseProblem(parse))}");
            return 2;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (IsBadInput(ex))
        {
            Console.Error.WriteLine($"scheduler: {OneLine(ex.Message)}");
            return 2;
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine(verbose ? $"scheduler: internal error: {ex}" : $"scheduler: internal error: {OneLine(ex.Message)} (run with --verbose for details)");
            return 1;
        }
    }

    /// <summary>The one line for a command line that does not parse: an unknown option or command with a "did you
    /// mean" (edit distance), else the parser's first error, with .NET type names put into words.</summary>
    private static string ParseProblem(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var chain = new List<string>();
        for (var r = parse.CommandResult; r.Parent is CommandResult parent; r = parent)
        {
            chain.Insert(0, r.Command.Name);
        }
        string path = string.Join(' ', chain.Prepend("scheduler"));
        if (parse.UnmatchedTokens.Count > 0)
        {
            string token = parse.UnmatchedTokens[0];
            if (token.StartsWith('-'))
            {
                var names = OptionNames(parse.CommandResult).ToList();
                return $"unknown option '{token}'{Suggestions.DidYouMean(token, names)}; see '{path} --help'";
            }
            if (command.Subcommands.Count > 0)
            {
                var names = command.Subcommands.Select(c => c.Name).ToList();
                return $"unknown command '{token}'{Suggestions.DidYouMean(token, names)}; commands: {string.Join(", ", names)}";
            }
            return $"unexpected argument '{token}'; see '{path} --help'";
        }
        return TypeNames().Replace(parse.Errors[0].Message, m => m.Groups[1].Value switch
        {
            "Int32" or "Int64" => "an integer",
            "Double" or "Single" => "a number",
            "Boolean" => "true or false",
            _ => "a value of the expected kind",
        });
    }

    /// <summary>Every option name and alias valid where <paramref name="result"/> stands (its own and recursive ones above).</summary>
    private static IEnumerable<string> OptionNames(CommandResult result)
    {
        foreach (var o in result.Command.Options)
        {
            yield return o.Name;
            foreach (string alias in o.Aliases)
            {
                yield return alias;
            }
        }
        for (var parent = result.Parent as CommandResult; parent is not null; parent = parent.Parent as CommandResult)
        {
            foreach (var o in parent.Command.Options.Where(o => o.Recursive))
            {
                yield return o.Name;
            }
        }
    }

    [GeneratedRegex(@"'System\.(?:Nullable`1\[(?:System\.)?)?(\w+)[^']*'")]
    private static partial Regex TypeNames();

    /// <summary>The message on one line: names read from files may hold line breaks or other control characters, so
    /// those are written as escapes (\n, \u0007) and the contract "one line on stderr" holds for any input.</summary>
    internal static string OneLine(string message)
    {
        var sb = new System.Text.StringBuilder(message.Length);
        foreach (char c in message)
        {
            sb.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => " ",
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }

    private static bool IsBadInput(Exception ex)
        => ex is GraphFormatException or Topoformer.TopoformerConfigException or CycleException or UsageException or InvalidScheduleException or FileNotFoundException or DirectoryNotFoundException;
}
