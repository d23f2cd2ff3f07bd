using Azure;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Infrastructure.Storage;

/// <summary>An order's state row as read: the timeline state, its ETag and the ids of the last inputs applied (for idempotency).</summary>
/// <param name="IndexedWakeAts">
/// The due times of the wake-up index rows this order wrote that had not fired when the row was saved; a row at or before
/// NextWakeAt always exists. Knowing every waiting row (not just the last) saves rewriting one when NextWakeAt comes back to it.
/// </param>
/// <param name="Open">The open-orders index entries written for this order and not released since (see <see cref="OpenOrderIndex"/>).</param>
internal sealed record LoadedState(
    string OrderId, TimelineState State, ETag ETag, IReadOnlyList<string> AppliedInputs, IReadOnlyList<DateTimeOffset>? IndexedWakeAts = null,
    OpenKinds Open = OpenKinds.None)
{
    /// <summary>How many waiting index rows the state row remembers (the earliest); forgetting one only costs a rewrite.</summary>
    public const int IndexedWindow = 8;

    /// <summary>The due times of this order's index rows known to be waiting (see <see cref="IndexedWakeAts"/>).</summary>
    public IReadOnlyList<DateTimeOffset> Indexed => IndexedWakeAts ?? [];

    /// <summary>How many input ids the state row remembers; a redelivery older than this is caught by the decider's own dedupe.</summary>
    public const int AppliedWindow = 64;

    public bool HasApplied(string inputId) => AppliedInputs.Contains(inputId, StringComparer.Ordinal);

    public IReadOnlyList<string> WithApplied(string inputId) =>
        [.. AppliedInputs.Skip(Math.Max(0, AppliedInputs.Count - AppliedWindow + 1)), inputId];
}
