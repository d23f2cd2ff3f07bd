namespace PostPurchase.Core.Orders;

/// <summary>What the buyer opted in to at checkout, with the proof of it.</summary>
/// <param name="Sms">Order updates by SMS.</param>
/// <param name="WhatsApp">Order updates by WhatsApp.</param>
/// <param name="Marketing">Review requests and surveys by SMS/WhatsApp (email needs no opt-in for these).</param>
/// <param name="Source">Where the consent was given, e.g. "checkout".</param>
/// <param name="WordingVersion">Version of the consent text the buyer saw.</param>
/// <param name="GrantedAt">When it was given; null means at placement.</param>
public sealed record ConsentGrant(
    bool Sms,
    bool WhatsApp,
    bool Marketing = false,
    string Source = "checkout",
    string? WordingVersion = null,
    DateTimeOffset? GrantedAt = null)
{
    /// <summary>No opt-in for any text channel.</summary>
    public static ConsentGrant None { get; } = new(false, false);
}
