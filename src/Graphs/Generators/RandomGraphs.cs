namespace Scheduler.Graphs.Generators;

/// <summary>
/// Undirected random graphs on nodes 0..n−1 as RandWire generates them (Xie et al. 2019, §3.3, following the
/// networkx generators): Watts–Strogatz, Erdős–Rényi, Barabási–Albert. Edges are returned as (low, high) pairs,
/// sorted, which is also RandWire's orientation into a DAG (node index order).
/// </summary>
internal static class RandomGraphs
{
    public static List<(int, int)> Generate(RandWireOptions o, int n, Random random)
    {
        var edges = o.Graph switch
        {
            RandomGraphKind.WattsStrogatz => WattsStrogatz(n, o.K, o.P, random),
            RandomGraphKind.ErdosRenyi => ErdosRenyi(n, o.P, random),
            _ => BarabasiAlbert(n, o.M, random),
        };
        var list = new List<(int, int)>(edges);
        list.Sort();
        return list;
    }

    /// <summary>Watts &amp; Strogatz 1998: ring lattice, each node joined to its K/2 clockwise neighbours; then each
    /// lattice edge (i, i+j) is rewired with probability p to (i, r), r uniform, no self-loops or duplicates
    /// (networkx <c>watts_strogatz_graph</c>).</summary>
    private static HashSet<(int, int)> WattsStrogatz(int n, int k, double p, Random random)
    {
        var edges = new HashSet<(int, int)>();
        for (int j = 1; j <= k / 2; j++)
        {
            for (int i = 0; i < n; i++)
            {
                Add(edges, i, (i + j) % n);
            }
        }
        for (int j = 1; j <= k / 2; j++)
        {
            for (int i = 0; i < n; i++)
            {
                var edge = Key(i, (i + j) % n);
                if (random.NextDouble() >= p || !edges.Contains(edge) || Degree(edges, i) >= n - 1)
                {
                    continue;
                }
                int r;
                do
                {
                    r = random.Next(n);
                }
                while (r == i || edges.Contains(Key(i, r)));
                edges.Remove(edge);
                Add(edges, i, r);
            }
        }
        return edges;
    }

    private static HashSet<(int, int)> ErdosRenyi(int n, double p, Random random)
    {
        var edges = new HashSet<(int, int)>();
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                if (random.NextDouble() < p)
                {
                    edges.Add((i, j));
                }
            }
        }
        return edges;
    }

    /// <summary>Barabási &amp; Albert 1999: the first M nodes are the initial targets; each new node joins M distinct
    /// existing nodes drawn with probability proportional to degree (networkx <c>barabasi_albert_graph</c>).</summary>
    private static HashSet<(int, int)> BarabasiAlbert(int n, int m, Random random)
    {
        var edges = new HashSet<(int, int)>();
        var repeated = new List<int>();
        var targets = new List<int>();
        for (int i = 0; i < m; i++)
        {
            targets.Add(i);
        }
        for (int source = m; source < n; source++)
        {
            foreach (int t in targets)
            {
                Add(edges, source, t);
                repeated.Add(t);
                repeated.Add(source);
            }
            var chosen = new HashSet<int>();
            targets.Clear();
            while (chosen.Count < Math.Min(m, source + 1))
            {
                int t = repeated[random.Next(repeated.Count)];
                if (chosen.Add(t))
                {
                    targets.Add(t);
                }
            }
        }
        return edges;
    }

    private static (int, int) Key(int a, int b) => a < b ? (a, b) : (b, a);

    private static void Add(HashSet<(int, int)> edges, int a, int b)
    {
        if (a != b)
        {
            edges.Add(Key(a, b));
        }
    }

    private static int Degree(HashSet<(int, int)> edges, int v)
    {
        int d = 0;
        foreach (var (a, b) in edges)
        {
            if (a == v || b == v)
            {
                d++;
            }
        }
        return d;
    }
}
