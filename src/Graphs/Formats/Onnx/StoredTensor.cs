using Scheduler.Graphs.Formats.Onnx.Proto;

namespace Scheduler.Graphs.Formats.Onnx;

/// <summary>A tensor stored in a model (an initializer or an attribute value) and where it is, for messages.</summary>
/// <param name="Tensor">The tensor, a live reference into the model it was found in.</param>
/// <param name="Owner">Where it is, e.g. <c>initializer 'w'</c> or <c>tensor 'c' of attribute 'value' of node 3 'k' (Constant)</c>.</param>
internal readonly record struct StoredTensor(TensorProto Tensor, string Owner);
