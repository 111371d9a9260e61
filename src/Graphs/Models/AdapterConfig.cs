namespace Scheduler.Graphs.Models;

/// <summary>
/// A two-layer MLP that maps vision features into a language model's embedding space: linear, activation, linear,
/// both linears biased. LLaVA-1.5's <c>multi_modal_projector</c> is 1024→4096→4096 with GELU ("mlp2x_gelu").
/// </summary>
/// <param name="InputSize">Width of the vision features.</param>
/// <param name="HiddenSize">Width after the first linear.</param>
/// <param name="OutputSize">Width after the second linear (the language model's hidden size).</param>
/// <param name="Act">Activation between the linears (HF <c>projector_hidden_act</c>).</param>
public sealed record AdapterConfig(int InputSize, int HiddenSize, int OutputSize, string Act = "gelu")
{
    /// <summary>Weights and biases of both linears.</summary>
    public long ParameterCount => ((long)InputSize * HiddenSize) + HiddenSize + ((long)HiddenSize * OutputSize) + OutputSize;
}
