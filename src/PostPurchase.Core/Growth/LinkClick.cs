namespace PostPurchase.Core.Growth;

/// <summary>The buyer followed a measured link of this order.</summary>
/// <param name="MessageKey">The message that carried it; null for the tracking page.</param>
/// <param name="Link">Which link (e.g. "cta", "rec:SKU-2").</param>
public sealed record LinkClick(string? MessageKey, string Link, DateTimeOffset At);
