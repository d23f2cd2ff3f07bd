using System.Text.Json;
using PostPurchase.Core.Shops.Model;

namespace PostPurchase.Core.Shops.Shopify;

/// <summary>Reads a verified Shopify webhook by its <c>X-Shopify-Topic</c>: orders, fulfilments, fulfilment events, refunds.</summary>
public static class ShopifyDeliveries
{
    private const string Platform = ShopPlatforms.Shopify;

    /// <summary>The topics the dashboard asks a merchant to subscribe to.</summary>
    public static IReadOnlyList<string> Topics { get; } =
    [
        "orders/create", "orders/updated", "orders/cancelled", "fulfillments/create", "fulfillments/update",
        "fulfillment_events/create", "refunds/create",
    ];

    /// <summary>What the delivery says; throws <see cref="ShopPayloadException"/> when a needed field is missing.</summary>
    public static ShopDelivery Read(string? topic, ReadOnlyMemory<byte> body)
    {
        using var document = ShopJson.Open(Platform, body);
        var root = document.RootElement;
        var name = topic?.Trim().ToLowerInvariant() ?? throw new ShopPayloadException("The Shopify delivery has no X-Shopify-Topic header.");
        switch (name)
        {
            case "orders/create" or "orders/updated" or "orders/cancelled" or "orders/paid" or "orders/fulfilled" or "orders/partially_fulfilled":
                var order = ShopifyOrders.Read(root);
                return new ShopDelivery(Platform, name, order.ShopOrderId) { Order = order };
            case "fulfillments/create" or "fulfillments/update":
                return new ShopDelivery(Platform, name, root.Id("order_id", Platform, "order_id")) { Fulfilment = ShopifyOrders.Fulfilment(root) };
            case "fulfillment_events/create":
                return new ShopDelivery(Platform, name, root.Id("order_id", Platform, "order_id")) { TrackingEvent = Event(root) };
            case "refunds/create":
                return new ShopDelivery(Platform, name, root.Id("order_id", Platform, "order_id")) { Refund = ShopifyOrders.Refund(root) };
            case "orders/edited":
                var edit = root.Obj("order_edit") ?? throw new ShopPayloadException("The Shopify field 'order_edit' is missing.");
                return new ShopDelivery(Platform, name, edit.Id("order_id", Platform, "order_edit.order_id"))
                {
                    Ignored = "An edit lists only what changed; the orders/updated delivery that follows it brings the edited order.",
                };
            default:
                return new ShopDelivery(Platform, name, root.Str("order_id") ?? root.Obj("order")?.Str("id") ?? root.Str("id") ?? "")
                {
                    Ignored = $"Topic {name} is not mapped to the timeline.",
                };
        }
    }

    /// <summary>Reads one order in the REST shape (the Admin API's <c>orders/{id}.json</c> answer's <c>order</c>, as webhooks send it).</summary>
    public static ShopOrder ReadOrder(JsonElement order) => ShopifyOrders.Read(order);

    private static ShopTrackingEvent Event(JsonElement e) => new(
        e.Id("id", Platform, "id"),
        e.Id("fulfillment_id", Platform, "fulfillment_id"),
        e.Str("status") ?? throw new ShopPayloadException("The Shopify field 'status' is missing."),
        e.Time("happened_at") ?? e.RequiredTime("created_at", Platform, "happened_at"),
        e.Str("message"),
        string.Join(", ", new[] { e.Str("city"), e.Str("country") }.Where(s => s is not null)) is { Length: > 0 } place ? place : null,
        e.Time("estimated_delivery_at"));
}
