namespace PostPurchase.Core.Messages;

/// <summary>The buyer's links a message may carry; runtimes sign them (the core never sees the signing key).</summary>
public sealed record MessageLinks(string TrackingUrl, string? ReviewUrl = null, string? CsatUrl = null, string? UnsubscribeUrl = null);
