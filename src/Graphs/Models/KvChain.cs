namespace Scheduler.Graphs.Models;

/// <summary>
/// The KV entries that earlier chained decode steps wrote (spec-step's drafter): per layer, the new key and value
/// tensors of each earlier step. Appended beside the cache, a later step's attention reads them all beside the resident
/// cache; written in place (<see cref="ModelGraphOptions.KvInPlace"/>), the last pair is the cache state the next step
/// writes into, and <see cref="KeyReader"/> / <see cref="ValueReader"/> are the ops that read that state, which the
/// next write must follow.
/// </summary>
internal sealed class KvChain
{
    private readonly List<int>[] _keys;
    private readonly List<int>[] _values;
    private readonly int[] _keyReaders;
    private readonly int[] _valueReaders;

    public KvChain(int layers)
    {
        _keys = new List<int>[layers];
        _values = new List<int>[layers];
        _keyReaders = new int[layers];
        _valueReaders = new int[layers];
        for (int l = 0; l < layers; l++)
        {
            _keys[l] = [];
            _values[l] = [];
            _keyReaders[l] = -1;
            _valueReaders[l] = -1;
        }
    }

    /// <summary>Tokens appended by earlier steps.</summary>
    public int Tokens { get; private set; }

    public IReadOnlyList<int> Keys(int layer) => _keys[layer];

    public IReadOnlyList<int> Values(int layer) => _values[layer];

    /// <summary>The op that read the last key entry of <paramref name="layer"/> (its scores), or −1.</summary>
    public int KeyReader(int layer) => _keyReaders[layer];

    /// <summary>The op that read the last value entry of <paramref name="layer"/> (its weighted sum), or −1.</summary>
    public int ValueReader(int layer) => _valueReaders[layer];

    public void Add(int layer, int key, int value)
    {
        _keys[layer].Add(key);
        _values[layer].Add(value);
    }

    /// <summary>Records the ops that read the entries added last for <paramref name="layer"/>.</summary>
    public void ReadBy(int layer, int keyReader, int valueReader)
    {
        _keyReaders[layer] = keyReader;
        _valueReaders[layer] = valueReader;
    }

    public void EndStep(int tokens) => Tokens += tokens;
}
