using System.Text.Json;
using PostPurchase.Core.Shops.Model;

namespace PostPurchase.Core.Shops.WooCommerce;

/// <summary>Parcels from the Shipment Tracking meta <c>_wc_shipment_tracking_items</c> (also written by Advanced Shipment Tracking).</summary>
internal static class WooCommerceTracking
{
    public const string MetaKey = "_wc_shipment_tracking_items";

    /// <summary>One fulfilment per tracking item; the value may be an array or, after a plugin's unset(), an object with numeric keys.</summary>
    public static IReadOnlyList<ShopFulfilment> Read(IReadOnlyList<JsonElement> meta, DateTimeOffset orderUpdatedAt)
    {
        var entry = meta.FirstOrDefault(m => m.Str("key") == MetaKey);
        if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("value", out var value))
        {
            return [];
        }
        var items = value.ValueKind switch
        {
            JsonValueKind.Array => value.EnumerateArray().ToList(),
            JsonValueKind.Object => value.EnumerateObject().Select(p => p.Value).ToList(),
            _ => [],
        };
        return items.Where(i => i.ValueKind == JsonValueKind.Object && i.Str("tracking_number") is not null).Select(i => Item(i, orderUpdatedAt)).ToList();
    }

    private static ShopFulfilment Item(JsonElement i, DateTimeOffset orderUpdatedAt)
    {
        var number = i.Str("tracking_number")!;
        var carrier = i.Str("custom_tracking_provider") ?? i.Str("tracking_provider") ?? "";
        var shipped = ShopJson.ParseTime(i.Str("date_shipped")) ?? orderUpdatedAt;
        var link = i.Str("custom_tracking_link");
        return new ShopFulfilment(i.Str("tracking_id") ?? number, shipped, orderUpdatedAt, carrier, [number], link is null ? [] : [link], []);
    }
}
