namespace PostPurchase.Infrastructure.Links;

/// <summary>What a measured link names: the order, the message that carried it (null: the tracking page) and which of its links.</summary>
public sealed record MeasuredLink(string OrderId, string? MessageKey, string Link);
