using System.CommandLine;
using Scheduler.Graphs;
using Scheduler.Graphs.Formats;
using Scheduler.Graphs.Generators;

namespace Scheduler.Cli;

/// <summary>
/// <c>scheduler generate layered|erdos-renyi|series-parallel|randwire|nas-cell|chain|star|fan-in --count C --seed S --out DIR</c>:
/// writes seeded, reproducible graph files (graph i uses seed S + i; the same arguments give byte-identical files).
/// <c>--nodes</c> sizes every family but two: RandWire is sized by <c>--stage-nodes</c> and NAS stacks by
/// <c>--cells</c>.
/// </summary>
public static class GenerateCommand
{
    /// <summary>The family names the command accepts.</summary>
    public static IReadOnlyList<string> Families { get; } = ["layered", "erdos-renyi", "series-parallel", "randwire", "nas-cell", "chain", "star", "fan-in"];

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var family = new Argument<string>("family") { Description = string.Join(" | ", Families) };
        family.AcceptOnlyFromAmong([.. Families]);
        var nodes = NumericOption.Int("--nodes", "Ops per graph (every family but randwire and nas-cell)", 500, Ranges.Nodes);
        var count = NumericOption.Int("--count", "Number of graphs", 1, Ranges.Count);
        var seed = NumericOption.Int("--seed", "Seed of the first graph", 1, ValueRange.AnyInt);
        var output = new Option<string>("--out") { Description = "Output folder (created if missing)", DefaultValueFactory = _ => "." };
        var edgeDensity = NumericOption.OptionalNumber("--edge-density",
            "layered: ρ (default 0.2); erdos-renyi: edge probability (default 4/N); randwire: WS rewiring / ER edge probability (default 0.75 / 0.2)", ValueRange.Probability);
        var skipDensity = NumericOption.Number("--skip-density", "layered: skip-edge probability", 0.14, ValueRange.Probability);
        var spread = NumericOption.Number("--node-spread", "layered: σ of layer sizes", 0.75, Ranges.NodeSpread);
        var parallel = NumericOption.Number("--parallel-probability", "series-parallel: chance a block is parallel", 0.5, ValueRange.Probability);
        var stageNodes = NumericOption.Int("--stage-nodes", "randwire: nodes per random stage (N)", 32, Ranges.StageNodes);
        var wiring = new Option<string>("--wiring") { Description = "randwire: ws | er | ba", DefaultValueFactory = _ => "ws" };
        wiring.AcceptOnlyFromAmong("ws", "er", "ba");
        var cells = NumericOption.Int("--cells", "nas-cell: cells in the stack", 8, Ranges.Cells);
        var command = new Command("generate", "Generate synthetic graphs (JSON v1)");
        command.Arguments.Add(family);
        foreach (Option o in new Option[] { nodes, count, seed, output, edgeDensity, skipDensity, spread, parallel, stageNodes, wiring, cells })
        {
            command.Options.Add(o);
        }
        command.SetAction(parse =>
        {
            int n = parse.GetValue(nodes), c = parse.GetValue(count), s = parse.GetValue(seed);
            if ((long)s + c - 1 > int.MaxValue)
            {
                throw new UsageException($"--seed {s} with --count {c}: graph i uses seed S + i, which passes {int.MaxValue}; lower --seed");
            }
            string f = parse.GetValue(family)!, dir = parse.GetValue(output)!;
            OutputPaths.CheckFolder("--out", dir);
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
                case "chain" or "star" or "fan-in":
                    var shape = f switch { "chain" => GraphShape.Chain, "star" => GraphShape.Star, _ => GraphShape.FanIn };
                    (make, size) = ((i, name) => ShapeGenerator.Generate(shape, n, i, name), $"{n}");
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
                    throw new UsageException($"{f}: {ex.Message.Replace($" (Parameter '{ex.ParamName}')", "", StringComparison.Ordinal)}");
                }
                JsonGraphWriter.WriteFile(g, Path.Combine(dir, name + ".json"));
                Console.Error.WriteLine($"generate: {i + 1}/{c} {name}: {g.OpCount} ops, {g.EdgeCount} edges");
            }
            return 0;
        });
        return command;
    }

    private static RandWireOptions RandWire(string wiring, int stageNodes, double? p)
    {
        var options = wiring switch
        {
            "er" => new RandWireOptions(stageNodes, Graph: RandomGraphKind.ErdosRenyi, P: p ?? 0.2),
            "ba" => new RandWireOptions(stageNodes, Graph: RandomGraphKind.BarabasiAlbert),
            _ => new RandWireOptions(stageNodes, P: p ?? 0.75),
        };
        // Watts–Strogatz joins each node to K neighbours and Barabási–Albert attaches M edges per node: both need more nodes.
        int least = options.Graph switch
        {
            RandomGraphKind.WattsStrogatz => options.K + 1,
            RandomGraphKind.BarabasiAlbert => options.M + 1,
            _ => 2,
        };
        if (stageNodes < least)
        {
            throw new UsageException($"--stage-nodes must be at least {least} for --wiring {wiring}, got {stageNodes}");
        }
        return options;
    }

    /// <summary>The accepted values of the sizing flags; far above useful sizes, they keep a typo from exhausting memory.</summary>
    private static class Ranges
    {
        public static ValueRange Nodes { get; } = ValueRange.Integers(1, 1_000_000);

        public static ValueRange Count { get; } = ValueRange.Integers(1, 100_000);

        public static ValueRange NodeSpread { get; } = ValueRange.Numbers(0, 10);

        public static ValueRange StageNodes { get; } = ValueRange.Integers(2, 100_000);

        public static ValueRange Cells { get; } = ValueRange.Integers(1, 10_000);
    }
}
