using System.Diagnostics;
using Scheduler.Graphs;

namespace Scheduler.Pass.Adaptive;

/// <summary>
/// The pass for a stream of graphs (every subgraph of a model, every model of a zoo): instead of paying for every
/// method on every graph, it learns per graph class which methods are worth their work, by Thompson sampling
/// (docs/DESIGN.md §10). Per graph: the cheap heuristics run (as in the pass); the graph's class comes from its traits
/// (<see cref="GraphTraits"/>); each later method runs when the class's sampled gain for it, capped at the gap still
/// open to the lower bound, is worth its sampled cost (<see cref="AdaptiveOptions.PricePerSecond"/>); every order is
/// verified and re-scored by the memory model exactly as in the pass (<see cref="MemorySchedulingPass"/>: the same
/// stages, starts and early stop on proof); then every finished method's gain and work go into the posterior.
/// </summary>
/// <remarks>
/// Deterministic given the seed and the order of the stream: draws are seeded (<see cref="PortfolioPosterior"/>),
/// gains come from peaks and costs from work counts (<see cref="MethodCost"/>), never from the clock; the wall time
/// is reported (<see cref="AdaptiveResult.ElapsedMs"/>) but not learned from. Not thread-safe: graphs of one stream
/// are scheduled one after another (within a graph the stages run in parallel as in the pass).
/// </remarks>
public sealed class AdaptivePortfolio
{
    private readonly MemorySchedulingPass _pass;
    private readonly IReadOnlyList<SchedulerDescriptor> _methods;

    /// <summary>An adaptive portfolio over the methods of <paramref name="options"/> (looked up in
    /// <paramref name="catalog"/>), starting from <paramref name="posterior"/> (null: an empty one).</summary>
    /// <exception cref="ArgumentException">A method id is unknown.</exception>
    public AdaptivePortfolio(IEnumerable<SchedulerDescriptor> catalog, PassOptions options, AdaptiveOptions? adaptive = null,
        PortfolioPosterior? posterior = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        PassOptions = options ?? throw new ArgumentNullException(nameof(options));
        _pass = new MemorySchedulingPass(catalog);
        Options = adaptive ?? AdaptiveOptions.Default;
        _methods = WithVariants(_pass.Resolve(options.Methods), Options.Variants);
        Posterior = posterior ?? new PortfolioPosterior();
    }

    /// <summary>The options every graph is scheduled with.</summary>
    public PassOptions PassOptions { get; }

    /// <summary>The adaptive settings.</summary>
    public AdaptiveOptions Options { get; }

    /// <summary>What it has learned so far (save it with <see cref="Save"/>).</summary>
    public PortfolioPosterior Posterior { get; }

    /// <summary>Schedules the next graph of the stream.</summary>
    public AdaptiveResult Schedule(ComputationGraph graph, CancellationToken cancellationToken = default)
        => Schedule(new GraphAnalysis(graph, PassOptions.Memory), cancellationToken);

    /// <summary>Schedules the next graph of the stream, reusing what <paramref name="analysis"/> holds.</summary>
    public AdaptiveResult Schedule(GraphAnalysis analysis, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var clock = Stopwatch.StartNew();
        var policy = new AdaptivePolicy(Posterior, Options, PassOptions, _methods);
        var result = _pass.RunStaged(analysis, PassOptions, _methods, policy, cancellationToken);
        // A graph the heuristics (or its own order) already proved optimal never reached a choice: its traits are
        // taken from the winner, and nothing was sampled or learned.
        var traits = policy.Traits ?? GraphTraits.Of(analysis, result.Best.PeakBytes, boundHolds: true);
        return new AdaptiveResult(result, traits, policy.Episode?.Index, policy.NewEpisodeBecause, policy.Decisions, clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>The methods with each variant placed right before its method (a cheaper run wins a tie).</summary>
    private static List<SchedulerDescriptor> WithVariants(IReadOnlyList<SchedulerDescriptor> methods, IReadOnlyList<(string Method, double Effort)> variants)
    {
        var result = new List<SchedulerDescriptor>();
        foreach (var d in methods)
        {
            foreach (var (method, effort) in variants.Where(v => v.Method == d.Name && d.Kind != MethodKind.Heuristic))
            {
                result.Add(new SchedulerDescriptor(MethodCost.VariantId(method, effort), $"{d.Description} (effort × {effort})", d.Kind,
                    s => d.Create(s with { Effort = s.Effort * effort })) { Accepts = (g, s) => d.Accepts(g, s with { Effort = s.Effort * effort }) });
            }
            result.Add(d);
        }
        return result;
    }

    /// <summary>Writes <see cref="Posterior"/> to <paramref name="path"/> atomically (<see cref="PosteriorFile"/>).</summary>
    public void Save(string path) => PosteriorFile.Save(Posterior, path);

    /// <summary>Reads a posterior written by <see cref="Save"/>.</summary>
    /// <exception cref="GraphFormatException">The file is not a valid posterior (the message names it and the place).</exception>
    public static PortfolioPosterior Load(string path) => PosteriorFile.Load(path);
}
