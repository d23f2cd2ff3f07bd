using PostPurchase.Core.Shops.Model;

namespace PostPurchase.Core.Shops.WooCommerce;

/// <summary>Reads a verified WooCommerce webhook by its <c>X-WC-Webhook-Topic</c>; every order topic carries the whole order as built at delivery time.</summary>
public static class WooCommerceDeliveries
{
    private const string Platform = ShopPlatforms.WooCommerce;

    /// <summary>The topics the dashboard asks a merchant to add a webhook for.</summary>
    public static IReadOnlyList<string> Topics { get; } = ["order.created", "order.updated"];

    /// <summary>What the delivery says; throws <see cref="ShopPayloadException"/> when a needed field is missing.</summary>
    public static ShopDelivery Read(string? topic, ReadOnlyMemory<byte> body)
    {
        using var document = ShopJson.Open(Platform, body);
        var root = document.RootElement;
        var name = topic?.Trim().ToLowerInvariant() ?? throw new ShopPayloadException("The WooCommerce delivery has no X-WC-Webhook-Topic header.");
        return name switch
        {
            "order.created" or "order.updated" or "order.restored" => Snapshot(name, WooCommerceOrders.Read(root)),
            "order.deleted" => new ShopDelivery(Platform, name, root.Id("id", Platform, "id"))
            {
                Ignored = "The order was moved to the trash; that is not a cancellation, so the buyer is not told. Cancel it in the shop to tell them.",
            },
            _ => new ShopDelivery(Platform, name, root.Str("id") ?? "") { Ignored = $"Topic {name} is not mapped to the timeline." },
        };
    }

    private static ShopDelivery Snapshot(string topic, ShopOrder order) => new(Platform, topic, order.ShopOrderId) { Order = order };
}
