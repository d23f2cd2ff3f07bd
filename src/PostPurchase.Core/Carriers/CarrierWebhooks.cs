using System.Collections.Frozen;
using PostPurchase.Core.Carriers.AfterShip;
using PostPurchase.Core.Carriers.EasyPost;
using PostPurchase.Core.Carriers.Generic;
using PostPurchase.Core.Carriers.Sendcloud;
using PostPurchase.Core.Carriers.Shippo;

namespace PostPurchase.Core.Carriers;

/// <summary>All supported carrier/aggregator webhooks by provider name.</summary>
public static class CarrierWebhooks
{
    private static readonly FrozenDictionary<string, ICarrierWebhook> ByName = new ICarrierWebhook[]
    {
        new AfterShipWebhook(), new EasyPostWebhook(), new SendcloudWebhook(), new ShippoWebhook(), new GenericWebhook(),
    }.ToFrozenDictionary(w => w.Provider, StringComparer.OrdinalIgnoreCase);

    /// <summary>The provider names routes accept.</summary>
    public static IReadOnlyList<string> Providers { get; } = ["aftership", "easypost", "sendcloud", "shippo", "generic"];

    /// <summary>The webhook handler of <paramref name="provider"/> (any case), or null when it is not supported.</summary>
    public static ICarrierWebhook? Find(string provider) =>
        provider is null ? null : ByName.GetValueOrDefault(provider.Trim());
}
