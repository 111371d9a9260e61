namespace Scheduler.Graphs;

/// <summary>Bad input in a graph or config file; the message names the file and the place (line, node, edge).</summary>
public sealed class GraphFormatException : Exception
{
    /// <summary>Creates the exception; <paramref name="message"/> already names the place.</summary>
    public GraphFormatException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
