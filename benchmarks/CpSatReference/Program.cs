using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Google.OrTools.Sat;
using Scheduler.Graphs;
using Scheduler.Graphs.Formats;

// cpsat-reference GRAPH.json [--hint SCHEDULE.json] [--seconds 60] [--det-seconds D] [--workers 2]
// An independent minimum-peak CP-SAT model (positions, one interval per tensor, a cumulative whose capacity is the
// peak), written apart from src/Baselines so that it can check the pass: it shares only the graph reader with the
// product, re-scores its own order with its own step-by-step count, and then checks that count against MemoryModel.
// The hint is the "order" array (op ids) of `scheduler schedule --json`. Prints one JSON line. --seconds caps the wall
// clock; --det-seconds (CP-SAT's deterministic time, summed over workers) makes the reference itself independent of the
// machine's load, which matters on a shared machine where 60 wall seconds may be a third of two cores.
static int Fail(string message)
{
    Console.Error.WriteLine($"cpsat-reference: {message}");
    return 2;
}

if (args.Length == 0)
{
    return Fail("usage: cpsat-reference GRAPH.json [--hint SCHEDULE.json] [--seconds S] [--det-seconds D] [--workers W]");
}
string graphPath = args[0];
string? hintPath = null;
double seconds = 60;
double? deterministicSeconds = null;
int workers = 2;
for (int i = 1; i < args.Length; i++)
{
    string value = i + 1 < args.Length ? args[i + 1] : "";
    switch (args[i])
    {
        case "--hint": hintPath = value; i++; break;
        case "--seconds": seconds = double.Parse(value, CultureInfo.InvariantCulture); i++; break;
        case "--det-seconds": deterministicSeconds = double.Parse(value, CultureInfo.InvariantCulture); i++; break;
        case "--workers": workers = int.Parse(value, CultureInfo.InvariantCulture); i++; break;
        default: return Fail($"unknown argument '{args[i]}'");
    }
}

ComputationGraph graph;
try
{
    graph = JsonGraphReader.ReadFile(graphPath);
}
catch (Exception e) when (e is GraphFormatException or IOException)
{
    return Fail(e.Message);
}
int n = graph.OpCount;
int[]? hint = null;
if (hintPath is not null)
{
    using var doc = JsonDocument.Parse(File.ReadAllBytes(hintPath));
    var ids = doc.RootElement.GetProperty("order").EnumerateArray().Select(e => e.GetInt64()).ToArray();
    hint = new int[ids.Length];
    for (int k = 0; k < ids.Length; k++)
    {
        if (!graph.TryGetOp(ids[k], out hint[k]))
        {
            return Fail($"{hintPath}: order[{k}] = {ids[k]} is not an op of {graphPath}");
        }
    }
}

var model = new CpModel();
var pos = new IntVar[n];
for (int v = 0; v < n; v++)
{
    pos[v] = model.NewIntVar(0, n - 1, $"p{v}");
}
model.AddAllDifferent(pos);
for (int u = 0; u < n; u++)
{
    foreach (int w in graph.Successors(u))
    {
        model.Add(pos[u] < pos[w]);
    }
}
long totalBytes = 0;
for (int t = 0; t < graph.TensorCount; t++)
{
    totalBytes += graph.IsResident(t) ? 0 : graph.TensorSize(t);
}
var peak = model.NewIntVar(0, totalBytes, "peak");
var cumulative = model.AddCumulative(peak);
for (int t = 0; t < graph.TensorCount; t++)
{
    if (graph.IsResident(t) || graph.TensorSize(t) == 0)
    {
        continue;
    }
    var consumers = graph.Consumers(t).ToArray();
    int producer = graph.Producer(t);
    if (producer < 0 && consumers.Length == 0 && !graph.IsGraphOutput(t))
    {
        continue; // a freeable input nobody reads: never live
    }
    LinearExpr start = producer < 0 ? LinearExpr.Constant(0) : pos[producer];
    LinearExpr end;
    if (graph.IsGraphOutput(t))
    {
        end = LinearExpr.Constant(n);
    }
    else if (consumers.Length == 0)
    {
        end = pos[producer] + 1;
    }
    else
    {
        var last = model.NewIntVar(1, n, $"e{t}");
        model.AddMaxEquality(last, consumers.Select(c => (LinearExpr)(pos[c] + 1)));
        end = last;
    }
    var length = model.NewIntVar(0, n, $"l{t}");
    cumulative.AddDemand(model.NewIntervalVar(start, length, end, $"i{t}"), graph.TensorSize(t));
}
model.Minimize(peak);
long hintPeak = -1;
if (hint is not null)
{
    for (int k = 0; k < n; k++)
    {
        model.AddHint(pos[hint[k]], k);
    }
    hintPeak = Score(graph, hint);
    model.AddHint(peak, hintPeak);
}

string parameters = string.Create(CultureInfo.InvariantCulture, $"max_time_in_seconds:{seconds}, num_workers:{workers}, random_seed:1");
if (deterministicSeconds is { } det)
{
    parameters += string.Create(CultureInfo.InvariantCulture, $", max_deterministic_time:{det}");
}
var solver = new CpSolver { StringParameters = parameters };
var clock = Stopwatch.StartNew();
var status = solver.Solve(model);
double wall = clock.Elapsed.TotalSeconds;
if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
{
    Console.WriteLine(JsonSerializer.Serialize(new { graph = graph.Name, status = status.ToString(), wall_s = wall, hint_peak = hintPeak }));
    return 0;
}
var order = Enumerable.Range(0, n).OrderBy(v => solver.Value(pos[v])).ToArray();
long ownPeak = Score(graph, order);
long modelPeak = MemoryModel.Evaluate(graph, order);
if (ownPeak != modelPeak)
{
    return Fail($"re-scoring disagrees on {graph.Name}: own count {ownPeak}, MemoryModel {modelPeak}");
}
Console.WriteLine(JsonSerializer.Serialize(new
{
    graph = graph.Name,
    ops = n,
    status = status.ToString(),
    peak_bytes = ownPeak,
    bound_bytes = (long)Math.Ceiling(solver.BestObjectiveBound),
    hint_peak = hintPeak,
    wall_s = Math.Round(wall, 1),
    deterministic_s = Math.Round(solver.Response!.DeterministicTime, 1),
    order = order.Select(v => graph.OpId(v)),
}));
return 0;

// Peak of an order by direct counting, step by step: the live non-resident tensors plus the outputs of the op that
// runs; after it, tensors whose consumers have all run (and outputs nobody reads) are freed, graph outputs never.
static long Score(ComputationGraph graph, int[] order)
{
    var remaining = new int[graph.TensorCount];
    long live = 0;
    for (int t = 0; t < graph.TensorCount; t++)
    {
        remaining[t] = graph.Consumers(t).Length;
        if (graph.Producer(t) < 0 && !graph.IsResident(t) && (remaining[t] > 0 || graph.IsGraphOutput(t)))
        {
            live += graph.TensorSize(t);
        }
    }
    long peak = 0;
    foreach (int v in order)
    {
        long outputs = 0;
        foreach (int t in graph.Outputs(v))
        {
            outputs += graph.TensorSize(t);
        }
        peak = Math.Max(peak, live + outputs);
        live += outputs;
        foreach (int t in graph.Inputs(v).ToArray().Distinct())
        {
            int uses = graph.Consumers(t).ToArray().Count(c => c == v);
            remaining[t] -= uses;
            if (remaining[t] == 0 && !graph.IsGraphOutput(t) && !graph.IsResident(t))
            {
                live -= graph.TensorSize(t);
            }
        }
        foreach (int t in graph.Outputs(v))
        {
            if (graph.Consumers(t).Length == 0 && !graph.IsGraphOutput(t))
            {
                live -= graph.TensorSize(t);
            }
        }
    }
    return peak;
}
