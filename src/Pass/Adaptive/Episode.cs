namespace Scheduler.Pass.Adaptive;

/// <summary>
/// One episode of a graph class in the spirit of TSDE (Ouyang, Gagrani, Nayyar and Jain 2017, "Learning unknown Markov
/// decision processes: a Thompson sampling approach"): the parameters are sampled once when it starts and kept until
/// a data-driven rule ends it (<see cref="PortfolioPosterior"/>).
/// </summary>
/// <param name="Index">Episode number within the class (0 first).</param>
/// <param name="Length">Graphs of the class scheduled in this episode so far.</param>
/// <param name="PreviousLength">Length of the episode before (0 for the first).</param>
/// <param name="StartObservations">Observations the class had when the episode started.</param>
/// <param name="Samples">The draws of this episode, by method: (mean gain, mean log cost ratio).</param>
public sealed record Episode(int Index, int Length, int PreviousLength, double StartObservations,
    IReadOnlyDictionary<string, (double Gain, double LogCost)> Samples);
