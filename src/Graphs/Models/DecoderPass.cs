namespace Scheduler.Graphs.Models;

/// <summary>One forward pass of a decoder stack, as <see cref="DecoderEmitter"/> emits it.</summary>
/// <param name="Scope">Prefix of op names ("", "target.", "drafter.step2.").</param>
/// <param name="WeightScope">Prefix of weight and cache names ("", "target.", "drafter."): steps of one model share it.</param>
/// <param name="Queries">New tokens in this pass.</param>
/// <param name="CachedTokens">Tokens in the resident KV cache (0: no cache input, as in prefill).</param>
/// <param name="LogitRows">Rows of logits: 1 (last token, prefill and drafts) or <paramref name="Queries"/> (verify).</param>
/// <param name="Mask">The attention mask tensor, <c>[Queries, keys]</c>.</param>
/// <param name="PositionIds">Position ids of the new tokens.</param>
/// <param name="Chain">Entries appended by earlier chained steps of the same model, or null.</param>
/// <param name="CacheCapacity">Tokens the resident cache holds when the new rows are written into it in place
/// (<see cref="ModelGraphOptions.KvInPlace"/>: every token the graph writes into it, so at least
/// <paramref name="CachedTokens"/> + <paramref name="Queries"/>); 0 when they are appended beside it.</param>
internal sealed record DecoderPass(
    string Scope, string WeightScope, int Queries, int CachedTokens, int LogitRows, int Mask, int PositionIds, KvChain? Chain,
    int CacheCapacity = 0)
{
    /// <summary>Keys each query scores: cache, earlier chained steps, and this pass's tokens.</summary>
    public long Keys => (long)CachedTokens + (Chain?.Tokens ?? 0) + Queries;
}
