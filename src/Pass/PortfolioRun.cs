using System.Diagnostics;
using Scheduler.Graphs;

namespace Scheduler.Pass;

/// <summary>
/// One run of the portfolio on one graph: the shared analysis, one result slot per method (slot 0 is the input
/// order), and the parallel execution of a stage. Determinism does not depend on which thread finishes first: every
/// method in a stage starts from the same incumbent, results land in their slot (portfolio order), and when a method
/// proves the optimum only the methods listed after it are cancelled — those could at best tie, and ties go to the
/// earlier slot — while the ones before it run to the end.
/// </summary>
internal sealed class PortfolioRun
{
    private readonly PassOptions _options;
    private readonly IReadOnlyList<SchedulerDescriptor> _methods;
    private readonly CandidateResult?[] _slots;
    private readonly Stopwatch _clock;
    private readonly Action<CandidateResult> _finished;
    private readonly Lock _gate = new();

    public PortfolioRun(GraphAnalysis analysis, PassOptions options, IReadOnlyList<SchedulerDescriptor> methods, Stopwatch clock, Action<CandidateResult> finished)
    {
        Analysis = analysis;
        _options = options;
        _methods = methods;
        _clock = clock;
        _finished = finished;
        _slots = new CandidateResult?[methods.Count + 1];
        Put(0, MethodRunner.InputOrder(analysis.Graph, analysis.Memory));
    }

    public GraphAnalysis Analysis { get; }

    /// <summary>True when proofs count: always, since the bounds and every method's claim hold under the memory model
    /// in force (a method that cannot optimise for it says so and claims no more than feasible).</summary>
    public bool Provable => true;

    /// <summary>True when the safety cap skipped or cut a method.</summary>
    public bool Capped { get; private set; }

    /// <summary>Every slot, in portfolio order (input first); null slots have not run.</summary>
    public IReadOnlyList<CandidateResult?> Slots => _slots;

    /// <summary>True when <paramref name="c"/> is proven optimal: by its method, or because its peak meets the bound.</summary>
    public bool Proves(CandidateResult c)
        => Provable && c.Succeeded && (c.Status == CandidateStatus.Optimal || c.PeakBytes <= Analysis.LowerBound);

    /// <summary>The best order held so far (lowest peak under the model in force, earliest slot on ties): every method
    /// of the next stage starts from it.</summary>
    public StartOrder Incumbent()
    {
        StartOrder? best = null;
        foreach (var c in _slots)
        {
            if (c is not { Succeeded: true })
            {
                continue;
            }
            long peak = c.PeakBytes!.Value;
            if (best is null || peak < best.Peak)
            {
                best = new StartOrder(c.Order!, peak, c.Method);
            }
        }
        return best!;
    }

    /// <summary>Marks every method in <paramref name="slots"/> skipped with <paramref name="why"/>.</summary>
    public void Skip(IEnumerable<int> slots, string why)
    {
        foreach (int s in slots)
        {
            Put(s, CandidateResult.Skipped(_methods[s - 1].Name, why));
        }
    }

    /// <summary>
    /// Runs the methods in <paramref name="slots"/> (ascending) on up to <see cref="PassOptions.Parallelism"/> threads,
    /// each from <paramref name="start"/>. Returns the slot of the earliest method that proved the optimum, or null.
    /// </summary>
    public int? RunStage(IReadOnlyList<int> slots, StartOrder start, CancellationToken outer)
    {
        var cancel = slots.ToDictionary(s => s, _ => CancellationTokenSource.CreateLinkedTokenSource(outer));
        int prover = int.MaxValue, next = -1;
        void Work()
        {
            int k;
            while ((k = Interlocked.Increment(ref next)) < slots.Count)
            {
                int s = slots[k];
                if (s > Volatile.Read(ref prover))
                {
                    continue;
                }
                var result = RunOne(s, start, cancel[s].Token, outer);
                if (result is null || s > Volatile.Read(ref prover))
                {
                    continue;
                }
                Put(s, result);
                if (Proves(result))
                {
                    lock (_gate)
                    {
                        if (s < prover)
                        {
                            prover = s;
                            foreach (var (other, source) in cancel)
                            {
                                if (other > s)
                                {
                                    source.Cancel();
                                }
                            }
                        }
                    }
                }
            }
        }
        try
        {
            var workers = new Task[Math.Max(1, Math.Min(_options.Parallelism, slots.Count))];
            for (int w = 0; w < workers.Length; w++)
            {
                workers[w] = Task.Run(Work, CancellationToken.None);
            }
            Task.WaitAll(workers, CancellationToken.None);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OperationCanceledException))
        {
            outer.ThrowIfCancellationRequested();
            throw;
        }
        finally
        {
            foreach (var source in cancel.Values)
            {
                source.Dispose();
            }
        }
        if (prover == int.MaxValue)
        {
            return null;
        }
        Skip(slots.Where(s => s > prover), $"optimum already proven by {_methods[prover - 1].Name}");
        return prover;
    }

    /// <summary>Runs one method within what is left of the cap; null when a prover cancelled it.</summary>
    private CandidateResult? RunOne(int slot, StartOrder start, CancellationToken proverCancel, CancellationToken outer)
    {
        var method = _methods[slot - 1];
        var remaining = _options.TimeBudget - _clock.Elapsed;
        if (method.Kind != MethodKind.Heuristic && remaining <= TimeSpan.Zero)
        {
            Capped = true;
            return CandidateResult.Skipped(method.Name, "the pass's time cap is spent");
        }
        var settings = method.Kind == MethodKind.Heuristic ? _options.Settings : _options.Settings with { TimeLimit = remaining };
        using var backstop = CancellationTokenSource.CreateLinkedTokenSource(proverCancel);
        if (method.Kind != MethodKind.Heuristic)
        {
            // Methods stop themselves at their cap; the token is a backstop for one that overruns it.
            backstop.CancelAfter(remaining * 1.1 + TimeSpan.FromMilliseconds(100));
        }
        try
        {
            var result = MethodRunner.Run(method, Analysis, start, settings, backstop.Token);
            if (result.Status == CandidateStatus.Capped)
            {
                Capped = true;
            }
            return result;
        }
        catch (OperationCanceledException) when (!outer.IsCancellationRequested)
        {
            if (proverCancel.IsCancellationRequested)
            {
                return null;
            }
            Capped = true;
            return new CandidateResult(method.Name, null, null, remaining.TotalMilliseconds, CandidateStatus.Skipped, "stopped at the pass's time cap");
        }
    }

    private void Put(int slot, CandidateResult result)
    {
        _slots[slot] = result;
        lock (_gate)
        {
            _finished(result);
        }
    }
}
