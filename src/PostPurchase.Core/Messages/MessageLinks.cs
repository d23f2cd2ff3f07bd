namespace PostPurchase.Core.Messages;

/// <summary>The buyer's links a message may carry; runtimes sign them (the core never sees the signing key).</summary>
/// <param name="Measure">Turns (message key, link name) into a measured redirect link (<c>/l/{token}</c>); null: links are used as they are.</param>
public sealed record MessageLinks(
    string TrackingUrl,
    string? ReviewUrl = null,
    string? CsatUrl = null,
    string? UnsubscribeUrl = null,
    Func<string?, string, string>? Measure = null);
