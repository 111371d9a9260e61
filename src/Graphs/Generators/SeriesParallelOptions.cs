namespace Scheduler.Graphs.Generators;

/// <summary>
/// Parameters of <see cref="SeriesParallelGenerator"/>: random two-terminal series/parallel compositions. Sizes come
/// from the layered generator's Gaussian mixture (<see cref="LayeredGraphOptions.SizeMeans"/>), in units of
/// <paramref name="BytesPerUnit"/>: this family is abstract, not a particular network.
/// </summary>
/// <param name="Nodes">Number of ops (exact).</param>
/// <param name="ParallelProbability">Probability that a block of three or more ops is a parallel composition
/// (branches plus a join) rather than a series one.</param>
/// <param name="MaxBranches">Most branches of one parallel composition (at least 2).</param>
/// <param name="BytesPerUnit">Sizes are drawn in units from the mixture and scaled by this.</param>
public sealed record SeriesParallelOptions(
    int Nodes = 200,
    double ParallelProbability = 0.5,
    int MaxBranches = 4,
    long BytesPerUnit = 1000);
