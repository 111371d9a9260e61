using Scheduler.Graphs.Formats.Onnx.Proto;

namespace Scheduler.Graphs.Formats.Onnx;

/// <summary>A stored tensor whose payload is in an external file: its parsed <c>external_data</c> entries.</summary>
/// <param name="Where">The tensor and where it is in the model.</param>
/// <param name="LocationEntry">The <c>location</c> entry itself, so the writer can rewrite it in a copy.</param>
/// <param name="Offset">Byte offset in the file (<c>offset</c>), null when absent (0).</param>
/// <param name="Length">Byte count (<c>length</c>), null when absent (to the end of the file).</param>
internal sealed record ExternalTensor(StoredTensor Where, StringStringEntryProto LocationEntry, long? Offset, long? Length)
{
    /// <summary>The <c>location</c> value: a path relative to the model file's folder.</summary>
    public string Location => LocationEntry.Value;
}
