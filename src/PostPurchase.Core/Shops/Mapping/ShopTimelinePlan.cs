using PostPurchase.Core.Timeline;

namespace PostPurchase.Core.Shops.Mapping;

/// <summary>What to hand the timeline for one shop order, in order, and the record that says it was handed.</summary>
/// <param name="Record">Save this once every input is durably accepted; until then the same plan comes again (inputs are idempotent).</param>
/// <param name="Skipped">Why no timeline exists for the order, when none does.</param>
public sealed record ShopTimelinePlan(IReadOnlyList<TimelineInput> Inputs, ShopOrderRecord Record, string? Skipped);
