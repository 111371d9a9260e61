using System.CommandLine;
using Scheduler.Methods;
using Spectre.Console;

namespace Scheduler.Cli;

/// <summary><c>scheduler methods</c>: lists every method id with its kind and a one-line description.</summary>
public static class MethodsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("methods", "List the scheduling methods");
        command.SetAction(_ =>
        {
            var table = new Table().AddColumns("id", "kind", "description");
            foreach (var d in MethodCatalog.All)
            {
                table.AddRow(Markup.Escape(d.Name), Markup.Escape(d.Kind), Markup.Escape(d.Description));
            }
            Terminal.Out.Write(table);
            return 0;
        });
        return command;
    }
}
