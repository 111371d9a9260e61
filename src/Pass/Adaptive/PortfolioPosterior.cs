namespace Scheduler.Pass.Adaptive;

/// <summary>
/// The adaptive portfolio's memory: per graph class and method, what the method gained and what it cost
/// (<see cref="PosteriorCell"/>), and per class the current episode. Posteriors are Normal-Gamma
/// (<see cref="NormalGamma"/>) over the mean gain and the mean log cost ratio, built from
/// <see cref="AdaptiveOptions"/>' priors, then (gain only) the observations of the method's other variants on the
/// class (<see cref="Kin"/>) or, when none ran there, the method's observations in the <em>other</em> classes, shrunk
/// to at most <see cref="AdaptiveOptions.PoolWeight"/> observations (a method useless everywhere starts a new class
/// doubtful), then the class's own observations.
/// </summary>
/// <remarks>
/// Episodes (<see cref="Episode"/>, TSDE): a class draws its parameters when an episode starts and keeps them while it
/// lasts. A new episode starts when the stream comes to the class from another class (the family changed, so the
/// belief is re-drawn), when the episode has run one graph longer than the one before (TSDE's first rule), or when
/// the class's observations have doubled since the episode started (TSDE's second rule). Every draw is seeded from
/// (seed, class, episode, method), so a stream in the same order gives the same draws, also after a save and load.
/// </remarks>
public sealed class PortfolioPosterior
{
    private readonly SortedDictionary<string, SortedDictionary<string, PosteriorCell>> _cells = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, Episode> _episodes = new(StringComparer.Ordinal);

    /// <summary>Graphs the posterior has seen (over every run that saved it).</summary>
    public int GraphsSeen { get; private set; }

    /// <summary>The class of the last graph seen, or null.</summary>
    public string? LastClass { get; private set; }

    /// <summary>Every class with observations, in ordinal order.</summary>
    public IEnumerable<string> Classes => _cells.Keys;

    /// <summary>Every class with an episode, in ordinal order, with it.</summary>
    public IEnumerable<KeyValuePair<string, Episode>> Episodes => _episodes;

    /// <summary>The methods observed in <paramref name="graphClass"/>, with their cells, in ordinal order.</summary>
    public IEnumerable<KeyValuePair<string, PosteriorCell>> Cells(string graphClass)
        => _cells.TryGetValue(graphClass, out var byMethod) ? byMethod : [];

    /// <summary>The observations of <paramref name="method"/> on <paramref name="graphClass"/> (empty when none).</summary>
    public PosteriorCell Cell(string graphClass, string method)
        => _cells.TryGetValue(graphClass, out var byMethod) && byMethod.TryGetValue(method, out var cell) ? cell : PosteriorCell.Empty;

    /// <summary>The observations of <paramref name="method"/> on every class but <paramref name="graphClass"/>.</summary>
    public PosteriorCell Elsewhere(string graphClass, string method)
    {
        var pooled = PosteriorCell.Empty;
        foreach (var (cls, byMethod) in _cells)
        {
            if (cls != graphClass && byMethod.TryGetValue(method, out var cell))
            {
                pooled = pooled.Merge(cell);
            }
        }
        return pooled;
    }

    /// <summary>The observations on <paramref name="graphClass"/> of <paramref name="method"/>'s kin: the other variants
    /// of the same method (<c>local</c> for <c>local@0.1</c> and back; <see cref="MethodCost.Split"/>).</summary>
    public PosteriorCell Kin(string graphClass, string method)
    {
        string family = MethodCost.Split(method).Method;
        var pooled = PosteriorCell.Empty;
        foreach (var (other, cell) in Cells(graphClass))
        {
            if (other != method && MethodCost.Split(other).Method == family)
            {
                pooled = pooled.Merge(cell);
            }
        }
        return pooled;
    }

    /// <summary>The posteriors of <paramref name="method"/>'s mean gain and mean log cost ratio on <paramref name="graphClass"/>.</summary>
    public (NormalGamma Gain, NormalGamma LogCost) Posterior(string graphClass, string method, AdaptiveOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // What shapes the gain prior: the method's kin on this class when they ran here (a tenth of local's moves is
        // still local search on the same graphs), else the method itself on the other classes. Other classes mislead a
        // variant: local@0.1 tried once on a class with nothing to gain would otherwise start every class doubtful.
        var kin = Kin(graphClass, method);
        var pooled = kin.Gain.Count > 0 ? kin : Elsewhere(graphClass, method);
        var own = Cell(graphClass, method);
        // Costs are not pooled: how much of its budget a method spends depends on the class (exact proves a
        // 100-op graph in a fraction of its states and spends them all on 500 ops), so other classes would mislead.
        return (options.GainPrior.Update(pooled.Gain.AtMost(options.PoolWeight)).Update(own.Gain),
            options.LogCostPrior.Update(own.LogCost));
    }

    /// <summary>Records one run of <paramref name="method"/> on <paramref name="graphClass"/>.</summary>
    public void Observe(string graphClass, string method, double gain, double logCost)
    {
        if (!double.IsFinite(gain) || !double.IsFinite(logCost))
        {
            throw new ArgumentException($"Observation of {method} on {graphClass} is not finite (gain {gain}, log cost {logCost}).");
        }
        if (!_cells.TryGetValue(graphClass, out var byMethod))
        {
            _cells[graphClass] = byMethod = new(StringComparer.Ordinal);
        }
        byMethod[method] = Cell(graphClass, method).Add(gain, logCost);
    }

    /// <summary>
    /// Starts the next graph of the stream, of class <paramref name="graphClass"/>: continues the class's episode or
    /// starts a new one (the rules are in the remarks), and returns it with a draw for each of <paramref name="methods"/>
    /// and why a new episode started (null when it continued).
    /// </summary>
    public (Episode Episode, string? NewBecause) BeginGraph(string graphClass, IReadOnlyList<string> methods, AdaptiveOptions options)
    {
        ArgumentNullException.ThrowIfNull(methods);
        ArgumentNullException.ThrowIfNull(options);
        double observations = Cells(graphClass).Sum(c => c.Value.Gain.Count);
        string? because = null;
        if (!_episodes.TryGetValue(graphClass, out var episode))
        {
            because = "first graph of the class";
        }
        else if (LastClass != graphClass)
        {
            because = $"the stream came from {LastClass ?? "nothing"}";
        }
        else if (episode.Length > episode.PreviousLength)
        {
            because = $"episode ran {episode.Length} graphs, one more than the one before";
        }
        else if (observations >= 2 * Math.Max(1, episode.StartObservations))
        {
            because = $"observations doubled ({episode.StartObservations} → {observations})";
        }
        var samples = new SortedDictionary<string, (double, double)>(StringComparer.Ordinal);
        int index = episode is null ? 0 : because is null ? episode.Index : episode.Index + 1;
        foreach (string m in methods)
        {
            samples[m] = because is null && episode!.Samples.TryGetValue(m, out var kept) ? kept : Draw(graphClass, index, m, options);
        }
        episode = because is null
            ? episode! with { Length = episode.Length + 1, Samples = samples }
            : new Episode(index, 1, episode?.Length ?? 0, observations, samples);
        _episodes[graphClass] = episode;
        GraphsSeen++;
        LastClass = graphClass;
        return (episode, because);
    }

    private (double Gain, double LogCost) Draw(string graphClass, int episode, string method, AdaptiveOptions options)
    {
        var (gain, cost) = Posterior(graphClass, method, options);
        string e = episode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (gain.SampleMean(new Random(Sampling.Seed(options.Seed, graphClass, e, method, "gain"))),
            cost.SampleMean(new Random(Sampling.Seed(options.Seed, graphClass, e, method, "cost"))));
    }

    /// <summary>Restores saved state (for <see cref="PosteriorFile"/>; the caller has checked every value).</summary>
    internal void Restore(int graphsSeen, string? lastClass, IEnumerable<(string Class, string Method, PosteriorCell Cell)> cells,
        IEnumerable<(string Class, Episode Episode)> episodes)
    {
        GraphsSeen = graphsSeen;
        LastClass = lastClass;
        foreach (var (cls, method, cell) in cells)
        {
            if (!_cells.TryGetValue(cls, out var byMethod))
            {
                _cells[cls] = byMethod = new(StringComparer.Ordinal);
            }
            byMethod[method] = cell;
        }
        foreach (var (cls, episode) in episodes)
        {
            _episodes[cls] = episode;
        }
    }
}
