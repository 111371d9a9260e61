using Scheduler.Pass;
using System.CommandLine;
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
            foreach (var d in MethodCatalog.Members)
            {
                table.AddRow(Markup.Escape(d.Name), Markup.Escape(d.Kind.ToString().ToLowerInvariant()), Markup.Escape(d.Description));
            }
            table.AddRow("best", "portfolio", Markup.Escape("The pass: heuristics, then Topoformer, then search, then exact solvers, each stage in parallel; lowest verified peak, stops when the optimum is proven"));
            Terminal.Out.Write(table);
            return 0;
        });
        return command;
    }
}
