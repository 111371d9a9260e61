using Scheduler.Graphs;
using Scheduler.Pass;
using Scheduler.Pass.Compare;

namespace Scheduler.Reports;

/// <summary>
/// The rows of one comparison, indexed once for every summary, table and plot of its report: datasets and graphs in
/// the order they ran, each graph's rows by method, and the lowest peak a single method reached on each graph.
/// </summary>
/// <remarks>
/// A <em>single method</em> is <c>input</c> or a catalog member. Rows such as <c>best</c> (the pass) and
/// <c>oracle</c> (the row minimum) combine single methods, so they are left out of wins and ties: a combination
/// that includes the winner would otherwise tie with it on every graph.
/// </remarks>
public sealed class ComparisonResults
{
    private readonly Dictionary<(string Dataset, string Graph), Dictionary<string, CompareRow>> _byGraph = [];
    private readonly Dictionary<(string Dataset, string Graph), (long Peak, int Reached)> _singleBest = [];
    private readonly Dictionary<string, List<string>> _graphs;

    /// <summary>Indexes <paramref name="rows"/> (a method's second row on one graph is an error).</summary>
    /// <exception cref="ArgumentException">Two rows share a dataset, graph and method.</exception>
    public ComparisonResults(IReadOnlyList<CompareRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Rows = rows;
        var datasets = new List<string>();
        var graphs = new Dictionary<string, List<string>>();
        var methods = new List<string>();
        foreach (var r in rows)
        {
            if (!graphs.TryGetValue(r.Dataset, out var names))
            {
                datasets.Add(r.Dataset);
                graphs[r.Dataset] = names = [];
            }
            if (!_byGraph.TryGetValue((r.Dataset, r.Graph), out var byMethod))
            {
                names.Add(r.Graph);
                _byGraph[(r.Dataset, r.Graph)] = byMethod = [];
            }
            if (!byMethod.TryAdd(r.Method, r))
            {
                throw new ArgumentException($"Two rows for method '{r.Method}' on graph '{r.Graph}' of dataset '{r.Dataset}'.", nameof(rows));
            }
            if (!methods.Contains(r.Method))
            {
                methods.Add(r.Method);
            }
            if (IsSingleMethod(r.Method) && r.PeakBytes is long peak)
            {
                _singleBest[(r.Dataset, r.Graph)] = _singleBest.TryGetValue((r.Dataset, r.Graph), out var b)
                    ? peak < b.Peak ? (peak, 1) : peak == b.Peak ? (b.Peak, b.Reached + 1) : b
                    : (peak, 1);
            }
        }
        Datasets = datasets;
        Methods = methods;
        _graphs = graphs;
    }

    /// <summary>Every row, in run order.</summary>
    public IReadOnlyList<CompareRow> Rows { get; }

    /// <summary>Datasets in the order they first appear.</summary>
    public IReadOnlyList<string> Datasets { get; }

    /// <summary>Methods in the order they first appear.</summary>
    public IReadOnlyList<string> Methods { get; }

    /// <summary>Graph names of <paramref name="dataset"/>, in run order.</summary>
    public IReadOnlyList<string> Graphs(string dataset) => _graphs[dataset];

    /// <summary>The row of <paramref name="method"/> on a graph, or null when that method did not run there.</summary>
    public CompareRow? Row(string dataset, string graph, string method)
        => _byGraph.TryGetValue((dataset, graph), out var m) && m.TryGetValue(method, out var row) ? row : null;

    /// <summary>The rows of <paramref name="method"/> on <paramref name="dataset"/>, in graph order.</summary>
    public IReadOnlyList<CompareRow> RowsOf(string dataset, string method)
        => Graphs(dataset).Select(g => Row(dataset, g, method)).OfType<CompareRow>().ToList();

    /// <summary>True for <c>input</c> and catalog members; false for rows that combine them (<c>best</c>, <c>oracle</c>, ...).</summary>
    public static bool IsSingleMethod(string method) => method == "input" || MethodCatalog.TryGet(method, out _);

    /// <summary>True for a cheap compiler heuristic (a list or DFS scheduler): not the file order, and not
    /// <c>random</c>, which samples orders rather than following a rule a compiler would ship.</summary>
    public static bool IsHeuristic(string method)
        => method is not ("input" or "random") && MethodCatalog.TryGet(method, out var d) && d.Kind == MethodKind.Heuristic;

    /// <summary>How <paramref name="row"/> placed among the single methods on its graph.</summary>
    public Placing PlacingOf(CompareRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!IsSingleMethod(row.Method) || row.PeakBytes is not long peak || !_singleBest.TryGetValue((row.Dataset, row.Graph), out var best) || peak != best.Peak)
        {
            return Placing.Behind;
        }
        return best.Reached == 1 ? Placing.StrictWin : Placing.Tie;
    }
}
