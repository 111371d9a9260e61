using Scheduler.Pass.Compare;

namespace Scheduler.Cli;

/// <summary>
/// Estimates how long the rest of a comparison takes from what it has measured so far: a method on a graph costs
/// what it cost on the last graph of the same dataset (graphs of one dataset are alike), and on a dataset not yet
/// begun, that cost scaled by a power of the op counts: the power measured between the method's last two datasets
/// (work budgets make some methods' time grow far slower than their graphs), 1 until there are two. No estimate
/// until one graph has run every method.
/// </summary>
/// <param name="graphs">The graphs, in the order the comparison runs them.</param>
public sealed class RemainingTime(IReadOnlyList<NamedGraph> graphs)
{
    private readonly Dictionary<string, (string Dataset, int Ops, double Ms)> _last = [];
    private readonly Dictionary<string, (string Dataset, int Ops, double Ms)> _previousDataset = [];
    private readonly List<string> _methods = [];
    private int _done, _total;

    /// <summary>Records that <paramref name="row"/> finished as run <paramref name="done"/> of <paramref name="total"/>,
    /// <paramref name="ms"/> after the run before it (wall clock, so a row that only sums others costs nothing).</summary>
    public void Observe(CompareRow row, int done, int total, double ms)
    {
        ArgumentNullException.ThrowIfNull(row);
        _done = done;
        _total = total;
        if (_methods.Count < PerGraph && !_methods.Contains(row.Method))
        {
            _methods.Add(row.Method);
        }
        if (_last.TryGetValue(row.Method, out var last) && last.Dataset != row.Dataset)
        {
            _previousDataset[row.Method] = last;
        }
        _last[row.Method] = (row.Dataset, row.Ops, ms);
    }

    private int PerGraph => graphs.Count == 0 ? 0 : _total / graphs.Count;

    /// <summary>The estimated time left, or null before one graph has run every method.</summary>
    public TimeSpan? Estimate()
    {
        if (PerGraph == 0 || _done < PerGraph || _methods.Count < PerGraph)
        {
            return null;
        }
        int graph = (_done - 1) / PerGraph, next = (_done - 1) % PerGraph + 1;
        double ms = 0;
        for (int m = next; m < PerGraph; m++)
        {
            ms += Cost(_methods[m], graphs[graph]);
        }
        for (int g = graph + 1; g < graphs.Count; g++)
        {
            foreach (string method in _methods)
            {
                ms += Cost(method, graphs[g]);
            }
        }
        return TimeSpan.FromMilliseconds(ms);
    }

    private double Cost(string method, NamedGraph graph)
    {
        var (dataset, ops, ms) = _last[method];
        if (dataset == graph.Dataset || ops == 0)
        {
            return ms;
        }
        double power = 1;
        if (_previousDataset.TryGetValue(method, out var before) && before.Ops > 0 && before.Ops != ops && before.Ms > 0 && ms > 0)
        {
            power = Math.Clamp(Math.Log(ms / before.Ms) / Math.Log((double)ops / before.Ops), 0, 2);
        }
        return ms * Math.Pow((double)graph.Graph.OpCount / ops, power);
    }

    /// <summary>"about 3 min 10 s left", or "estimating the time left" before there is an estimate.</summary>
    public string Describe()
        => Estimate() switch
        {
            null => "estimating the time left",
            TimeSpan t when t.TotalSeconds < 1 => "less than a second left",
            TimeSpan t => $"about {Reports.Format.Duration(Math.Round(t.TotalSeconds) * 1000)} left",
        };
}
