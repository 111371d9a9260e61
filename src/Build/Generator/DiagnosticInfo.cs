using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Scheduler.Build;

/// <summary>A diagnostic as plain, comparable data, so that the generator's pipeline can cache it (Roslyn's
/// <see cref="Diagnostic"/> and <see cref="Location"/> are not value-equal).</summary>
/// <param name="Id">The descriptor's id (SCHED00N).</param>
/// <param name="Path">The file it points at (the graph), or "" for none.</param>
/// <param name="Line">1-based line, or 0 for the file's start.</param>
/// <param name="Column">1-based column, or 0.</param>
/// <param name="Arguments">The message's arguments, already formatted.</param>
internal sealed record DiagnosticInfo(string Id, string Path, int Line, int Column, EquatableArray<string> Arguments)
{
    /// <summary>A diagnostic at the start of <paramref name="path"/>, or at a line and column.</summary>
    public static DiagnosticInfo At(DiagnosticDescriptor descriptor, string path, int line, int column, params string[] arguments)
        => new(descriptor.Id, path, line, column, new EquatableArray<string>(arguments));

    /// <summary>The Roslyn diagnostic.</summary>
    public Diagnostic ToDiagnostic()
    {
        var descriptor = SchedulerDiagnostics.All.First(d => d.Id == Id);
        var start = new LinePosition(Math.Max(0, Line - 1), Math.Max(0, Column - 1));
        var location = Path.Length == 0 ? Location.None : Location.Create(Path, new TextSpan(0, 0), new LinePositionSpan(start, start));
        return Diagnostic.Create(descriptor, location, Arguments.ToArray());
    }
}
