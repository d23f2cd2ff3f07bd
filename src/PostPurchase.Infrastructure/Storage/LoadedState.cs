using Azure;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Infrastructure.Storage;

/// <summary>An order's state row as read: the timeline state, its ETag and the ids of the last inputs applied (for idempotency).</summary>
/// <param name="IndexedWakeAt">The due time of the wake-up index row this order last wrote; a row at or before NextWakeAt always exists.</param>
internal sealed record LoadedState(string OrderId, TimelineState State, ETag ETag, IReadOnlyList<string> AppliedInputs, DateTimeOffset? IndexedWakeAt = null)
{
    /// <summary>How many input ids the state row remembers; a redelivery older than this is caught by the decider's own dedupe.</summary>
    public const int AppliedWindow = 64;

    public bool HasApplied(string inputId) => AppliedInputs.Contains(inputId, StringComparer.Ordinal);

    public IReadOnlyList<string> WithApplied(string inputId) =>
        [.. AppliedInputs.Skip(Math.Max(0, AppliedInputs.Count - AppliedWindow + 1)), inputId];
}
