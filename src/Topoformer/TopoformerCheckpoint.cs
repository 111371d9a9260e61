using Scheduler.Graphs.Formats;
using Scheduler.Topoformer.Model;
using TorchSharp;

namespace Scheduler.Topoformer;

/// <summary>
/// A checkpoint is a folder with <see cref="WeightsFile"/> (TorchSharp state) and <see cref="CardFile"/> (a
/// <see cref="ModelCard"/>). Each file is written atomically (temp + rename); weights are written before the card so
/// a card never describes weights that are not there yet.
/// </summary>
public static class TopoformerCheckpoint
{
    /// <summary>Weights file name inside a checkpoint folder.</summary>
    public const string WeightsFile = "model.bin";

    /// <summary>Model card file name inside a checkpoint folder.</summary>
    public const string CardFile = "model.yaml";

    /// <summary>Writes the network's weights and its card into <paramref name="directory"/>.</summary>
    public static void Save(TopoformerNetwork network, string directory, IReadOnlyDictionary<string, string>? provenance = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(directory);
        Directory.CreateDirectory(directory);
        SaveWeights(network, Path.Combine(directory, WeightsFile));
        SaveCard(network.Options, directory, provenance);
    }

    /// <summary>Writes only the card (atomically) into <paramref name="directory"/>; for callers that write the
    /// weights themselves and must order the two writes (training's shipped checkpoint).</summary>
    public static void SaveCard(TopoformerOptions options, string directory, IReadOnlyDictionary<string, string>? provenance = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(directory);
        var card = new ModelCard
        {
            Options = options,
            Provenance = provenance is null ? [] : new Dictionary<string, string>(provenance),
        };
        AtomicFile.WriteAllText(Path.Combine(directory, CardFile), YamlFile.Serialize(card));
    }

    /// <summary>Writes only the weights (atomically).</summary>
    public static void SaveWeights(TopoformerNetwork network, string path)
    {
        ArgumentNullException.ThrowIfNull(network);
        AtomicFile.Write(path, tmp => network.save(tmp));
    }

    /// <summary>Reads a checkpoint's card.</summary>
    /// <param name="path">The checkpoint folder, or its <see cref="WeightsFile"/> or <see cref="CardFile"/>.</param>
    /// <exception cref="TopoformerConfigException">The path names no checkpoint, or the card is missing, malformed or of
    /// another version.</exception>
    public static ModelCard ReadCard(string path)
    {
        string file = Path.Combine(ResolveFolder(path), CardFile);
        var card = YamlFile.Read<ModelCard>(file);
        if (card.Version != 1)
        {
            throw new TopoformerConfigException(file, $"{file}: model card version {card.Version}; this build reads version 1.", "version");
        }
        if (card.Options is null)
        {
            throw new TopoformerConfigException(file, $"{file}: the card has no 'options' (the network's hyperparameters).", "options");
        }
        return card;
    }

    /// <summary>
    /// The checkpoint folder <paramref name="path"/> names, exactly: the folder itself, or the folder holding it when
    /// it is a <see cref="WeightsFile"/> or <see cref="CardFile"/>. Nothing else is tried — a mistyped path is an error,
    /// never a neighbouring checkpoint.
    /// </summary>
    /// <exception cref="TopoformerConfigException">Nothing exists at the path, or it is a file of another name.</exception>
    public static string ResolveFolder(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            return Path.GetFullPath(path);
        }
        if (!File.Exists(path))
        {
            throw new TopoformerConfigException(path, $"{path}: no such checkpoint folder or file.");
        }
        string name = Path.GetFileName(path);
        if (name is not (WeightsFile or CardFile))
        {
            throw new TopoformerConfigException(path,
                $"{path}: not a Topoformer checkpoint; give its folder (holding {WeightsFile} and {CardFile}) or one of those two files.");
        }
        return Path.GetDirectoryName(Path.GetFullPath(path))!;
    }

    /// <summary>Builds the network a checkpoint describes and loads its weights, in eval mode on the default device.</summary>
    /// <param name="path">The checkpoint folder, or its <see cref="WeightsFile"/> or <see cref="CardFile"/>.</param>
    /// <exception cref="TopoformerConfigException">The path names no checkpoint, or a file is missing, malformed or
    /// does not match the card (the message names the file).</exception>
    public static TopoformerNetwork Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string folder = ResolveFolder(path);
        var card = ReadCard(folder);
        TopoformerNetwork network;
        try
        {
            network = new TopoformerNetwork(card.Options);
        }
        catch (ArgumentException e)
        {
            throw new TopoformerConfigException(Path.Combine(folder, CardFile), $"{Path.Combine(folder, CardFile)}: {e.Message}", inner: e);
        }
        LoadWeights(network, Path.Combine(folder, WeightsFile));
        network.to(TorchDevice.Default);
        network.eval();
        return network;
    }

    /// <summary>Loads weights into a network built from the same options.</summary>
    /// <exception cref="TopoformerConfigException">The file is missing or its tensors do not fit the network.</exception>
    public static void LoadWeights(TopoformerNetwork network, string weightsPath)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (!File.Exists(weightsPath))
        {
            throw new TopoformerConfigException(weightsPath, $"{weightsPath}: checkpoint weights not found.");
        }
        try
        {
            network.load(weightsPath, strict: true);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A truncated or random file fails wherever TorchSharp's reader first trips (end of stream, a bad count, a
            // shape, a native error): whatever the exception, the file is what is wrong.
            throw new TopoformerConfigException(weightsPath,
                $"{weightsPath}: the weights do not match the model its {CardFile} describes, or the file is damaged ({e.Message}); "
                + "train or copy a matching checkpoint.", inner: e);
        }
    }
}
