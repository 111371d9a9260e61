using Scheduler.Graphs;
using Scheduler.Pass.Compare;

namespace Scheduler.Cli;

/// <summary>
/// Estimates how long the rest of a comparison takes. Every row still to run is predicted as its <em>work</em> — the
/// reference milliseconds its methods are budgeted on that graph, counting only the methods that will actually run on
/// it (<see cref="CompareRunner.PredictedWork"/>: exact is skipped above its op limit, local above its own, and so on)
/// — times the rate (wall ms per reference ms) measured so far for the same method on graphs of the same dataset and
/// size (op count within a factor of two: <see cref="SizeClass"/>), else on the same dataset, else on any graph,
/// else for every row together. So a dataset of large graphs where the expensive methods are skipped is not
/// extrapolated from one where they ran, nor by graph count; and the size class keeps apart what budgets predict
/// less well (local stops early at the bound on some sizes, exact proves small graphs in a fraction of its states).
/// </summary>
/// <remarks>A row's work counts a linear pass over its graph as well (1 µs per op and edge), so rows with no budgeted
/// work (input, skipped methods) are still measured and predicted, at their own rate. No estimate before the first
/// row has taken measurable time.</remarks>
public sealed class RemainingTime
{
    private readonly IReadOnlyList<NamedGraph> _graphs;
    private readonly IReadOnlyList<string> _rows;
    private readonly Func<string, ComputationGraph, double> _work;
    private readonly Func<double> _nowMs;
    private readonly Dictionary<(string Method, string Dataset, int Size), Rate> _bySize = [];
    private readonly Dictionary<(string Method, string Dataset), Rate> _byDataset = [];
    private readonly Dictionary<string, Rate> _byMethod = [];
    private Rate _all;
    private double _lastMs;
    private int _done;

    /// <summary>An estimate for <paramref name="graphs"/>, each running <paramref name="rowsPerGraph"/> in that order.</summary>
    /// <param name="graphs">The graphs, in the order the comparison runs them.</param>
    /// <param name="rowsPerGraph">The rows of each graph, in order (<see cref="CompareRunner.RowsPerGraph"/>).</param>
    /// <param name="work">A row's predicted work on a graph, reference ms (<see cref="CompareRunner.PredictedWork"/>).</param>
    /// <param name="nowMs">The clock, in milliseconds (a stopwatch; a fake one in tests).</param>
    public RemainingTime(IReadOnlyList<NamedGraph> graphs, IReadOnlyList<string> rowsPerGraph, Func<string, ComputationGraph, double> work, Func<double> nowMs)
    {
        _graphs = graphs ?? throw new ArgumentNullException(nameof(graphs));
        _rows = rowsPerGraph ?? throw new ArgumentNullException(nameof(rowsPerGraph));
        _work = work ?? throw new ArgumentNullException(nameof(work));
        _nowMs = nowMs ?? throw new ArgumentNullException(nameof(nowMs));
        _lastMs = nowMs();
    }

    /// <summary>Wall milliseconds and reference milliseconds summed over some rows.</summary>
    private readonly record struct Rate(double Ms, double Work)
    {
        public Rate Add(double ms, double work) => new(Ms + ms, Work + work);

        public double? PerWork => Work > 0 && Ms > 0 ? Ms / Work : null;
    }

    /// <summary>Records that the next row, <paramref name="row"/>, finished now (its time is the clock since the row
    /// before: a row that only sums others costs nothing).</summary>
    public void Observe(CompareRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        double now = _nowMs(), ms = now - _lastMs;
        _lastMs = now;
        int graph = _rows.Count == 0 ? 0 : _done / _rows.Count;
        _done++;
        if (graph >= _graphs.Count)
        {
            return;
        }
        double work = Work(row.Method, _graphs[graph]);
        var g = _graphs[graph];
        var sized = (row.Method, g.Dataset, SizeClass(g.Graph.OpCount));
        _bySize[sized] = _bySize.GetValueOrDefault(sized).Add(ms, work);
        var key = (row.Method, g.Dataset);
        _byDataset[key] = _byDataset.GetValueOrDefault(key).Add(ms, work);
        _byMethod[row.Method] = _byMethod.GetValueOrDefault(row.Method).Add(ms, work);
        _all = _all.Add(ms, work);
    }

    /// <summary>The estimated time left, or null before anything measurable has run.</summary>
    public TimeSpan? Estimate()
    {
        if (_all.PerWork is null)
        {
            return null;
        }
        double ms = 0;
        for (int i = _done; i < _graphs.Count * _rows.Count; i++)
        {
            var g = _graphs[i / _rows.Count];
            string method = _rows[i % _rows.Count];
            double rate = _bySize.GetValueOrDefault((method, g.Dataset, SizeClass(g.Graph.OpCount))).PerWork
                ?? _byDataset.GetValueOrDefault((method, g.Dataset)).PerWork
                ?? _byMethod.GetValueOrDefault(method).PerWork
                ?? _all.PerWork.Value;
            ms += rate * Work(method, g);
        }
        return TimeSpan.FromMilliseconds(ms);
    }

    /// <summary>The size class of a graph of <paramref name="ops"/> ops: ⌊log2 ops⌋ (100 and 127 ops share one, 128 is
    /// the next).</summary>
    public static int SizeClass(int ops) => ops <= 1 ? 0 : System.Numerics.BitOperations.Log2((uint)ops);

    private double Work(string method, NamedGraph g) => _work(method, g.Graph) + 1e-3 * (g.Graph.OpCount + g.Graph.EdgeCount);

    /// <summary>"about 3 min 10 s left", or "estimating the time left" before there is an estimate.</summary>
    public string Describe()
        => Estimate() switch
        {
            null => "estimating the time left",
            TimeSpan t when t.TotalSeconds < 1 => "less than a second left",
            TimeSpan t => $"about {Reports.Format.Duration(Math.Round(t.TotalSeconds) * 1000)} left",
        };
}
