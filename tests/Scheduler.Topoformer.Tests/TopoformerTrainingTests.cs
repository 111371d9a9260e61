using Scheduler.Topoformer.Training;

namespace Scheduler.Topoformer.Tests;

public sealed partial class TopoformerTrainingTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "topoformer-run-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, true);
        }
    }

    private static TrainingConfig Tiny(int steps) => new()
    {
        Steps = steps, GraphsPerStep = 2, SamplesPerGraph = 3, ImitationSteps = 2, ValidateEvery = 2,
        TrainGraphs = new GraphSetSpec { NodesMin = 10, NodesMax = 20 },
        Validation = new GraphSetSpec { NodesMin = 15, NodesMax = 20, Count = 2 },
        Model = Toy.Options with { Layers = 1 },
    };

    [Fact]
    public void Run_TinyConfig_WritesCheckpointMetricsAndConfig()
    {
        var last = TopoformerTraining.Run(Tiny(4), _dir, resume: false);
        Assert.NotNull(last);
        Assert.Equal(4, last!.Step);
        Assert.True(File.Exists(Path.Combine(_dir, TopoformerCheckpoint.WeightsFile)));
        Assert.Equal(5, File.ReadAllLines(Path.Combine(_dir, "metrics.csv")).Length); // header + 4 steps
        Assert.Equal(4, TrainingConfig.Load(Path.Combine(_dir, "config.yaml")).Steps);
        using var network = TopoformerCheckpoint.Load(_dir);
        Assert.Equal(1, network.Options.Layers);
    }

    [Fact]
    public void Run_ConfigAlreadyInOutDir_KeptWithComments()
    {
        Directory.CreateDirectory(_dir);
        string path = Path.Combine(_dir, "config.yaml");
        File.WriteAllText(path, "# comment kept\nsteps: 2\ngraphs_per_step: 2\nsamples_per_graph: 3\nimitation_steps: 2\n"
            + "validate_every: 2\ntrain_graphs: {nodes_min: 10, nodes_max: 20}\nvalidation: {nodes_min: 15, nodes_max: 20, count: 2}\n"
            + "model: {layers: 1, model_dim: 16, head_dim: 4}\n");
        TopoformerTraining.Run(TrainingConfig.Load(path), _dir, resume: false);
        Assert.StartsWith("# comment kept", File.ReadAllText(path));
    }

    [Fact]
    public void Run_Resume_ContinuesFromSavedStep()
    {
        TopoformerTraining.Run(Tiny(2), _dir, resume: false);
        var last = TopoformerTraining.Run(Tiny(4), _dir, resume: true);
        Assert.Equal(4, last!.Step);
        var steps = File.ReadAllLines(Path.Combine(_dir, "metrics.csv")).Skip(1).Select(l => l.Split(',')[0]);
        Assert.Equal(["1", "2", "3", "4"], steps);
    }

    [Fact]
    public void Run_ResumeWithOtherModel_ClearErrorNamingTheDifference()
    {
        TopoformerTraining.Run(Tiny(2), _dir, resume: false);
        var other = Tiny(4) with { Model = Toy.Options with { Layers = 2 } };
        var e = Assert.Throws<TopoformerConfigException>(() => TopoformerTraining.Run(other, _dir, resume: true));
        Assert.Contains("does not match", e.Message);
        Assert.Contains("layers (1 vs 2)", e.Message);
    }

    [Fact]
    public void Run_ResumeWithNothingSaved_ClearError()
    {
        var e = Assert.Throws<TopoformerConfigException>(() => TopoformerTraining.Run(Tiny(2), _dir, resume: true));
        Assert.Contains("nothing to resume", e.Message);
        Assert.False(Directory.Exists(_dir)); // refused before the folder (or its lock file) is created
    }

    [Fact]
    public void Run_TeacherScheduler_IsUsedForImitation()
    {
        var teacher = new CountingScheduler();
        TopoformerTraining.Run(Tiny(2), _dir, resume: false, teacher: teacher);
        Assert.True(teacher.Calls >= 4, $"teacher called {teacher.Calls} times"); // 2 imitation steps x 2 graphs
    }

    private sealed class CountingScheduler : Scheduler.Graphs.IScheduler
    {
        public int Calls { get; private set; }

        public string Name => "counting-kahn";

        public int[] Order(Scheduler.Graphs.ComputationGraph graph, CancellationToken cancellationToken = default)
        {
            Calls++;
            return Scheduler.Graphs.Topology.TopologicalSort.KahnOrder(graph);
        }
    }

    [Fact]
    public void Run_Cancelled_StopsAndReturnsNull()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Null(TopoformerTraining.Run(Tiny(4), _dir, resume: false, cancellationToken: cts.Token));
    }
}
