using Spectre.Console;

namespace Scheduler.Cli;

/// <summary>
/// The two consoles of the CLI: results go to stdout (plain when redirected, so JSON and tables can be piped),
/// progress and diagnostics to stderr.
/// </summary>
public static class Terminal
{
    /// <summary>Console for results (stdout); made on each use so a redirected Console.Out is honoured.</summary>
    public static IAnsiConsole Out => Create(Console.Out, Console.IsOutputRedirected);

    /// <summary>Console for progress bars and messages (stderr).</summary>
    public static IAnsiConsole Err => Create(Console.Error, Console.IsErrorRedirected);

    /// <summary>True when progress bars can be drawn (stderr is a terminal).</summary>
    public static bool Interactive => !Console.IsErrorRedirected;

    private static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
        });
        if (redirected)
        {
            console.Profile.Width = 200;
        }
        return console;
    }
}
