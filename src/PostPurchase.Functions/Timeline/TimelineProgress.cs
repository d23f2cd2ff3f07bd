namespace PostPurchase.Functions.Timeline;

/// <summary>
/// The custom status every execution keeps current: when the timeline wakes next and how far it got. An execution applies many
/// inputs, so its input no longer tells; the stuck-timeline sweep reads this instead (it costs no request of its own).
/// </summary>
public sealed record TimelineProgress(DateTimeOffset? NextWakeAt, int Version);
