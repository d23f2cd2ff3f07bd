namespace PostPurchase.Testing.Hostile;

/// <summary>The secrets a runtime under hostile traffic holds: genuine requests are signed with them, and none may appear in its logs.</summary>
/// <param name="Carriers">Carrier name (as in its webhook route) → its webhook secret; Shippo's is its URL token.</param>
public sealed record HostileSecrets(
    string ApiKey,
    string EventGridKey,
    string TwilioAuthToken,
    string ShopifySecret,
    string WooCommerceSecret,
    string ShopwareSecret,
    IReadOnlyDictionary<string, string> Carriers)
{
    /// <summary>Every secret, for the log scan.</summary>
    public IReadOnlyList<string> All =>
        [ApiKey, EventGridKey, TwilioAuthToken, ShopifySecret, WooCommerceSecret, ShopwareSecret, .. Carriers.Values];
}
