namespace Scheduler.Graphs.Topology;

/// <summary>
/// Maximum s-t flow (= minimum cut) on integer capacities by Dinic's algorithm (Dinitz 1970): BFS levels, then blocking
/// flows along level-increasing edges. Reused across many small networks (the closure bound solves one per op), so the
/// arrays grow once and <see cref="Reset"/> only clears counts. Written here rather than taken from QuikGraph, whose
/// Edmonds–Karp works on double capacities over edge objects: bounds in bytes must be exact, and thousands of networks
/// per graph must not allocate. The DFS is iterative, so a long chain cannot overflow the stack.
/// </summary>
internal sealed class MaximumFlow
{
    /// <summary>A capacity no cut pays: far above any sum of tensor sizes, far below overflow when added twice.</summary>
    public const long Infinite = long.MaxValue / 4;

    private int _nodes, _edges;
    private int[] _first = new int[16], _level = new int[16], _cursor = new int[16], _queue = new int[16];
    private int[] _next = new int[64], _to = new int[64], _pathEdge = new int[16];
    private long[] _capacity = new long[64];

    /// <summary>Edges scanned by the searches since the last <see cref="Reset"/>: the deterministic measure of work.</summary>
    public long Work { get; private set; }

    /// <summary>Starts an empty network of <paramref name="nodes"/> nodes (0 … nodes − 1).</summary>
    public void Reset(int nodes)
    {
        _nodes = nodes;
        _edges = 0;
        Work = 0;
        if (_first.Length < nodes)
        {
            int size = Math.Max(nodes, _first.Length * 2);
            _first = new int[size];
            _level = new int[size];
            _cursor = new int[size];
            _queue = new int[size];
            _pathEdge = new int[size];
        }
        Array.Fill(_first, -1, 0, nodes);
    }

    /// <summary>Adds an edge of <paramref name="capacity"/> (≥ 0; <see cref="Infinite"/> for one no cut may cross).</summary>
    public void AddEdge(int from, int to, long capacity)
    {
        if (_edges + 2 > _to.Length)
        {
            int size = _to.Length * 2;
            Array.Resize(ref _next, size);
            Array.Resize(ref _to, size);
            Array.Resize(ref _capacity, size);
        }
        Link(from, to, capacity);
        Link(to, from, 0);
    }

    /// <summary>The value of a maximum flow from <paramref name="source"/> to <paramref name="sink"/>, which equals the
    /// capacity of a minimum cut. Consumes the capacities (the network is left as its residual).</summary>
    public long Solve(int source, int sink)
    {
        long flow = 0;
        while (BuildLevels(source, sink))
        {
            Array.Copy(_first, _cursor, _nodes);
            flow += BlockingFlow(source, sink);
        }
        return flow;
    }

    private void Link(int from, int to, long capacity)
    {
        _to[_edges] = to;
        _capacity[_edges] = capacity;
        _next[_edges] = _first[from];
        _first[from] = _edges++;
    }

    private bool BuildLevels(int source, int sink)
    {
        Array.Fill(_level, -1, 0, _nodes);
        int head = 0, tail = 0;
        _level[source] = 0;
        _queue[tail++] = source;
        while (head < tail)
        {
            int x = _queue[head++];
            for (int e = _first[x]; e >= 0; e = _next[e])
            {
                Work++;
                int y = _to[e];
                if (_capacity[e] > 0 && _level[y] < 0)
                {
                    _level[y] = _level[x] + 1;
                    _queue[tail++] = y;
                }
            }
        }
        return _level[sink] >= 0;
    }

    /// <summary>Augments along level-increasing paths until none is left; a dead end's level is cleared so no later
    /// path enters it, and each node's cursor only moves forward, as in Dinic's O(V·E) phase.</summary>
    private long BlockingFlow(int source, int sink)
    {
        long total = 0;
        int depth = 0, x = source;
        while (true)
        {
            if (x == sink)
            {
                long push = Infinite;
                for (int i = 0; i < depth; i++)
                {
                    push = Math.Min(push, _capacity[_pathEdge[i]]);
                }
                int retreat = depth;
                for (int i = depth - 1; i >= 0; i--)
                {
                    int e = _pathEdge[i];
                    _capacity[e] -= push;
                    _capacity[e ^ 1] += push;
                    if (_capacity[e] == 0)
                    {
                        retreat = i;
                    }
                }
                total += push;
                depth = retreat;
                x = depth == 0 ? source : _to[_pathEdge[depth - 1]];
                continue;
            }
            int edge = _cursor[x];
            while (edge >= 0 && (_capacity[edge] == 0 || _level[_to[edge]] != _level[x] + 1))
            {
                Work++;
                edge = _next[edge];
            }
            _cursor[x] = edge;
            if (edge >= 0)
            {
                Work++;
                _pathEdge[depth++] = edge;
                x = _to[edge];
                continue;
            }
            if (depth == 0)
            {
                return total;
            }
            _level[x] = -1;
            int back = _pathEdge[--depth];
            x = depth == 0 ? source : _to[_pathEdge[depth - 1]];
            _cursor[x] = _next[back];
        }
    }
}
