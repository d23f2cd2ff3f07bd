namespace PostPurchase.Core.Growth;

/// <summary>The measured link a later order is credited to.</summary>
/// <param name="OrderId">The order whose link was clicked.</param>
/// <param name="MessageKey">The message that carried the link; null for a link on the tracking page.</param>
/// <param name="Link">Which link of it (e.g. "cta", "reorder", "rec:SKU-2").</param>
public sealed record Attribution(string OrderId, string? MessageKey, string Link, DateTimeOffset ClickedAt);
