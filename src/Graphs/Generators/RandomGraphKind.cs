namespace Scheduler.Graphs.Generators;

/// <summary>The random-graph models RandWire wires its stages with (Xie et al. 2019, §3.3).</summary>
public enum RandomGraphKind
{
    /// <summary>Watts–Strogatz WS(K, P): a ring lattice of degree K, each edge rewired with probability P (the
    /// paper's best, WS(4, 0.75)).</summary>
    WattsStrogatz,

    /// <summary>Erdős–Rényi ER(P): each pair of nodes joined with probability P.</summary>
    ErdosRenyi,

    /// <summary>Barabási–Albert BA(M): nodes added one by one, each joined to M existing nodes by preferential
    /// attachment.</summary>
    BarabasiAlbert,
}
