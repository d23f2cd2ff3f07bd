using System.Text.Json;

namespace PostPurchase.Core.Shops.Shopware;

/// <summary>Reads a verified Shopware app webhook: which orders it is about, so they can be read from the Admin API.</summary>
/// <remarks><c>order.written</c> carries only ids, and business events carry an order without every association, so the order is always read whole.</remarks>
public static class ShopwareDeliveries
{
    private const string Platform = ShopPlatforms.Shopware;

    /// <summary>The events the app manifest subscribes to.</summary>
    public static IReadOnlyList<string> Topics { get; } = ["order.written", "order_delivery.written", "order_transaction.written", "checkout.order.placed"];

    /// <summary>The event name, the event id (stable across retries) and the order ids named; throws <see cref="ShopPayloadException"/> when unreadable.</summary>
    public static ShopwareNotice Read(ReadOnlyMemory<byte> body)
    {
        using var document = ShopJson.Open(Platform, body);
        var root = document.RootElement;
        var data = root.Obj("data") ?? throw new ShopPayloadException("The Shopware field 'data' is missing.");
        var name = data.Str("event") ?? throw new ShopPayloadException("The Shopware field 'data.event' is missing.");
        var eventId = root.Obj("source")?.Str("eventId");
        var orders = new List<string>();
        if (data.TryGetProperty("payload", out var payload))
        {
            if (payload.ValueKind == JsonValueKind.Array)
            {
                // entity.written: only order rows name an order; delivery and transaction rows name their own ids.
                orders.AddRange(payload.EnumerateArray().Where(p => p.Str("entity") == "order").Select(p => p.Str("primaryKey")).OfType<string>());
                orders.AddRange(payload.EnumerateArray().Select(p => p.Obj("payload")?.Str("orderId")).OfType<string>());
            }
            else if (payload.ValueKind == JsonValueKind.Object && (payload.Obj("order")?.Str("id") ?? payload.Str("orderId")) is { } id)
            {
                orders.Add(id);
            }
        }
        return new ShopwareNotice(name, eventId, [.. orders.Distinct(StringComparer.OrdinalIgnoreCase)], root.Obj("source")?.Str("shopId"));
    }
}

/// <summary>A Shopware webhook, read: the event, its id and the orders it names.</summary>
public sealed record ShopwareNotice(string Event, string? EventId, IReadOnlyList<string> OrderIds, string? ShopId);
