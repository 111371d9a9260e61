using System.CommandLine;
using Scheduler.Graphs;
using Scheduler.Graphs.Formats;
using Scheduler.Graphs.Generators;

namespace Scheduler.Cli;

/// <summary>
/// <c>scheduler generate layered|erdos-renyi|series-parallel|randwire|nas-cell --count C --seed S --out DIR</c>:
/// writes seeded, reproducible graph files (graph i uses seed S + i; the same arguments give byte-identical files).
/// <c>--nodes</c> sizes the first three families; RandWire is sized by <c>--stage-nodes</c> and NAS stacks by
/// <c>--cells</c>.
/// </summary>
public static class GenerateCommand
{
    /// <summary>The family names the command accepts.</summary>
    public static IReadOnlyList<string> Families { get; } = ["layered", "erdos-renyi", "series-parallel", "randwire", "nas-cell"];

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var family = new Argument<string>("family") { Description = string.Join(" | ", Families) };
        family.AcceptOnlyFromAmong([.. Families]);
        var nodes = new Option<int>("--nodes") { Description = "Ops per graph (layered, erdos-renyi, series-parallel)", DefaultValueFactory = _ => 500 };
        var count = new Option<int>("--count") { Description = "Number of graphs", DefaultValueFactory = _ => 1 };
        var seed = new Option<int>("--seed") { Description = "Seed of the first graph", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "Output folder", DefaultValueFactory = _ => "." };
        var edgeDensity = new Option<double?>("--edge-density") { Description = "layered: ρ (default 0.2); erdos-renyi: edge probability (default 4/N); randwire: WS rewiring / ER edge probability (default 0.75 / 0.2)" };
        var skipDensity = new Option<double>("--skip-density") { Description = "layered: skip-edge probability", DefaultValueFactory = _ => 0.14 };
        var spread = new Option<double>("--node-spread") { Description = "layered: σ of layer sizes", DefaultValueFactory = _ => 0.75 };
        var parallel = new Option<double>("--parallel-probability") { Description = "series-parallel: chance a block is parallel", DefaultValueFactory = _ => 0.5 };
        var stageNodes = new Option<int>("--stage-nodes") { Description = "randwire: nodes per random stage (N)", DefaultValueFactory = _ => 32 };
        var wiring = new Option<string>("--wiring") { Description = "randwire: ws | er | ba", DefaultValueFactory = _ => "ws" };
        wiring.AcceptOnlyFromAmong("ws", "er", "ba");
        var cells = new Option<int>("--cells") { Description = "nas-cell: cells in the stack", DefaultValueFactory = _ => 8 };
        var command = new Command("generate", "Generate synthetic graphs (JSON v1)");
        command.Arguments.Add(family);
        foreach (Option o in new Option[] { nodes, count, seed, output, edgeDensity, skipDensity, spread, parallel, stageNodes, wiring, cells })
        {
            command.Options.Add(o);
        }
        command.SetAction(parse =>
        {
            int n = parse.GetValue(nodes), c = parse.GetValue(count), s = parse.GetValue(seed);
            if (n < 1 || c < 1)
            {
                throw new UsageException($"--nodes and --count must be at least 1, got {n} and {c}");
            }
            string f = parse.GetValue(family)!, dir = parse.GetValue(output)!;
            double? rho = parse.GetValue(edgeDensity);
            Func<int, string, ComputationGraph> make;
            string size;
            switch (f)
            {
                case "layered":
                    var layered = new LayeredGraphOptions(n, parse.GetValue(spread), rho ?? 0.2, parse.GetValue(skipDensity));
                    (make, size) = ((i, name) => LayeredGraphGenerator.Generate(layered, i, name), $"{n}");
                    break;
                case "erdos-renyi":
                    (make, size) = ((i, name) => ErdosRenyiGenerator.Generate(n, rho ?? Math.Min(1.0, 4.0 / n), i, name), $"{n}");
                    break;
                case "series-parallel":
                    var sp = new SeriesParallelOptions(n, parse.GetValue(parallel));
                    (make, size) = ((i, name) => SeriesParallelGenerator.Generate(sp, i, name), $"{n}");
                    break;
                case "randwire":
                    var rw = RandWire(parse.GetValue(wiring)!, parse.GetValue(stageNodes), rho);
                    (make, size) = ((i, name) => RandWireGenerator.Generate(rw, i, name), $"{rw.NodesPerStage}");
                    break;
                default:
                    var nas = new NasCellOptions(Cells: parse.GetValue(cells));
                    (make, size) = ((i, name) => NasCellGenerator.Generate(nas, i, name), $"{nas.Cells}");
                    break;
            }
            for (int i = 0; i < c; i++)
            {
                string name = $"{f}-{size}-{i:000}";
                ComputationGraph g;
                try
                {
                    g = make(s + i, name);
                }
                catch (ArgumentException ex)
                {
                    throw new UsageException(ex.Message);
                }
                JsonGraphWriter.WriteFile(g, Path.Combine(dir, name + ".json"));
                Console.Error.WriteLine($"generate: {i + 1}/{c} {name}: {g.OpCount} ops, {g.EdgeCount} edges");
            }
            return 0;
        });
        return command;
    }

    private static RandWireOptions RandWire(string wiring, int stageNodes, double? p) => wiring switch
    {
        "er" => new RandWireOptions(stageNodes, Graph: RandomGraphKind.ErdosRenyi, P: p ?? 0.2),
        "ba" => new RandWireOptions(stageNodes, Graph: RandomGraphKind.BarabasiAlbert),
        _ => new RandWireOptions(stageNodes, P: p ?? 0.75),
    };
}
