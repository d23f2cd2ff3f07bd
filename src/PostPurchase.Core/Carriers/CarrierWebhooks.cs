namespace PostPurchase.Core.Carriers;

/// <summary>All supported carrier/aggregator webhooks by provider name.</summary>
public static class CarrierWebhooks
{
    /// <summary>The provider names routes accept.</summary>
    public static IReadOnlyList<string> Providers { get; } = ["aftership", "easypost", "sendcloud", "shippo", "generic"];

    /// <summary>The webhook handler of <paramref name="provider"/>, or null when it is not supported.</summary>
    public static ICarrierWebhook? Find(string provider) =>
        throw new NotImplementedException("Being written.");
}
