// Peak vs K for topoformer-sample's candidate draws, with the shipped checkpoint, on held-out layered graphs.
// Run from the repository root:  dotnet run benchmarks/scripts/topoformer-sampling.cs -- [OUT_DIR] [GRAPHS_PER_SIZE] [plot]
// ("plot" only redraws OUT_DIR/sampling.png from an existing OUT_DIR/sampling.csv).
// Graphs: LayeredGraphGenerator (the paper's defaults) at 500, 1000 and 2000 ops, seeds 830000 + N + i (i < count),
// which nothing else in the repository uses. Per graph the network runs once; then, for each sampler and
// K in {1, 4, 16, 64, 256}, best-of-K = the greedy order plus K - 1 draws (PriorityDecoder.BestOf, seed 0).
// Writes OUT_DIR/sampling.csv (one row per graph x sampler x K: peak, bound, peak/bound, decode ms) and
// OUT_DIR/sampling.png (mean peak/bound vs K per sampler and size).
#:project ../../src/Topoformer/Scheduler.Topoformer.csproj
#:package ScottPlot
using System.Diagnostics;
using System.Globalization;
using ScottPlot;
using Scheduler.Graphs;
using Scheduler.Graphs.Generators;
using Scheduler.Topoformer;
using Scheduler.Topoformer.Decoding;

string outDir = args.Length > 0 ? args[0] : "benchmarks/results/topoformer-sampling";
int perSize = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
int[] sizes = [500, 1000, 2000];
int[] ks = [1, 4, 16, 64, 256];
(string Name, DecodeMode Mode, double Temperature)[] samplers =
[
    ("sequential T=1", DecodeMode.Sample, 1),
    ("sequential T=0.5", DecodeMode.Sample, 0.5),
    ("sequential T=2", DecodeMode.Sample, 2),
    ("without-replacement T=1", DecodeMode.StochasticBeam, 1),
    ("without-replacement T=0.5", DecodeMode.StochasticBeam, 0.5),
    ("without-replacement T=2", DecodeMode.StochasticBeam, 2),
];
bool plotOnly = args.Length > 2 && args[2] == "plot";
Directory.CreateDirectory(outDir);
var rows = new List<(int Ops, string Sampler, int K, double Ratio, double Ms)>();
if (plotOnly)
{
    foreach (string line in File.ReadLines(Path.Combine(outDir, "sampling.csv")).Skip(1))
    {
        string[] f = line.Split(',');
        rows.Add((int.Parse(f[1], CultureInfo.InvariantCulture), f[2], int.Parse(f[5], CultureInfo.InvariantCulture),
            double.Parse(f[8], CultureInfo.InvariantCulture), double.Parse(f[10], CultureInfo.InvariantCulture)));
    }
    Plot(rows);
    return;
}
var network = ModelStore.Get(Path.GetFullPath(ModelStore.ShippedRelativePath)); // run from the repository root
using var csv = new StreamWriter(Path.Combine(outDir, "sampling.csv"));
csv.WriteLine("graph,ops,sampler,mode,temperature,k,peak,bound,ratio,greedy_peak,decode_ms,forward_ms,distinct");
foreach (int n in sizes)
{
    for (int i = 0; i < perSize; i++)
    {
        int seed = 830000 + n + i;
        var graph = LayeredGraphGenerator.Generate(new LayeredGraphOptions(n), seed);
        long bound = new GraphAnalysis(graph).LowerBound;
        var clock = Stopwatch.StartNew();
        float[] priorities = network.Priorities(GraphEncoding.Create(graph, network.Options));
        double forwardMs = clock.Elapsed.TotalMilliseconds;
        long greedy = MemoryModel.Evaluate(graph, PriorityDecoder.Decode(graph, priorities, DecodeMode.Greedy, new Random(0)));
        foreach (var (name, mode, t) in samplers)
        {
            foreach (int k in ks)
            {
                clock.Restart();
                var (order, _, _) = PriorityDecoder.BestOf(graph, priorities, k, mode, 0, t, null, CancellationToken.None);
                double ms = clock.Elapsed.TotalMilliseconds;
                MemoryModel.Validate(graph, order);
                long peak = MemoryModel.Evaluate(graph, order);
                double ratio = (double)peak / bound;
                rows.Add((n, name, k, ratio, ms));
                string distinct = k == 16 ? Distinct(graph, priorities, mode, t, k).ToString(CultureInfo.InvariantCulture) : "";
                csv.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{graph.Name},{n},{name},{mode},{t},{k},{peak},{bound},{ratio:F5},{greedy},{ms:F1},{forwardMs:F1},{distinct}"));
            }
            csv.Flush();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{graph.Name} {name}: {string.Join(" ", rows.TakeLast(ks.Length).Select(r => $"K{r.K}={r.Ratio:F4}({r.Ms:F0}ms)"))}"));
        }
    }
}
csv.Close();
Plot(rows);

// How many distinct orders best-of-K scored: the greedy order plus K - 1 draws replayed as PriorityDecoder.BestOf
// draws them (the greedy decode uses no randomness).
static int Distinct(Scheduler.Graphs.ComputationGraph graph, float[] priorities, DecodeMode mode, double t, int k)
{
    var random = new Random(0);
    var seen = new HashSet<string> { string.Join(",", PriorityDecoder.Decode(graph, priorities, DecodeMode.Greedy, random)) };
    var draws = mode == DecodeMode.StochasticBeam
        ? StochasticBeamSampler.Sample(graph, priorities, k - 1, t, random)!
        : [.. Enumerable.Range(1, k - 1).Select(_ => PriorityDecoder.Decode(graph, priorities, mode, random, t))];
    foreach (var order in draws)
    {
        seen.Add(string.Join(",", order));
    }
    return seen.Count;
}


// Mean peak/bound vs K: one panel per size, one line per sampler (log2 K on x).
void Plot(List<(int Ops, string Sampler, int K, double Ratio, double Ms)> rows)
{
    var plot = new ScottPlot.Multiplot();
    plot.AddPlots(sizes.Length);
    plot.Layout = new ScottPlot.MultiplotLayouts.Columns();
    ScottPlot.Color[] colors = [.. new[] { "#7F7F7F", "#E69F00", "#D55E00", "#56B4E9", "#009E73", "#0072B2" }.Select(ScottPlot.Color.FromHex)];
    for (int s = 0; s < sizes.Length; s++)
    {
        var panel = plot.GetPlot(s);
        for (int j = 0; j < samplers.Length; j++)
        {
            double[] xs = [.. ks.Select(k => Math.Log2(k))];
            double[] ys = [.. ks.Select(k => rows.Where(r => r.Ops == sizes[s] && r.Sampler == samplers[j].Name && r.K == k).Average(r => r.Ratio))];
            var line = panel.Add.Scatter(xs, ys);
            line.Color = colors[j];
            line.LineWidth = 2;
            line.MarkerSize = 7;
            line.LinePattern = samplers[j].Mode == DecodeMode.Sample ? ScottPlot.LinePattern.Dashed : ScottPlot.LinePattern.Solid;
            line.LegendText = s == 0 ? samplers[j].Name : "";
        }
        panel.Title($"layered {sizes[s]} ops ({perSize} graphs)");
        panel.XLabel("K (best of K)");
        panel.YLabel(s == 0 ? "mean peak / lower bound" : "");
        panel.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ks.Select(k => new ScottPlot.Tick(Math.Log2(k), k.ToString(CultureInfo.InvariantCulture)))]);
        if (s == 0)
        {
            panel.ShowLegend(ScottPlot.Alignment.UpperRight);
        }
    }
    plot.SavePng(Path.Combine(outDir, "sampling.png"), 1500, 520);
    Console.WriteLine($"wrote {outDir}/sampling.png");
}
