using PostPurchase.Core.Orders;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;

namespace PostPurchase.Core.Messages;

/// <summary>A complete order with one parcel, used to try every template override at construction.</summary>
internal static class SampleOrder
{
    private static readonly DateTimeOffset Placed = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1));

    public static MessageLinks Links { get; } = new("https://shop.example/track/sample", "https://shop.example/review/sample", "https://shop.example/csat/sample", "https://shop.example/unsubscribe/sample");

    public static TimelineState State()
    {
        var order = new Order(
            "SAMPLE-1001", Placed, "EUR",
            new Customer("Sam", "Sample", "sam@example.com", "+31612345678", "en", "Europe/Amsterdam", new ConsentGrant(true, true, true)),
            [new OrderItem("SKU-1", "Sample item", "other", 1, 10m, ProductUrl: "https://shop.example/p/sku-1")],
            new OrderTotals(10m, 1m, 4.95m, 2.39m, 13.95m), "Card",
            new Address("Sample street 1", null, "1000 AA", "Amsterdam", "NL"),
            new DeliveryPromise(Placed.AddDays(1), Placed.AddDays(3)),
            [new ShipmentRef("PostNL", "3SSAMPLE1")]);
        var parcel = new ParcelState("3SSAMPLE1", "PostNL", "3SSAMPLE1", [], TrackingStatus.InTransit, Placed.AddDays(1),
            Placed.AddDays(1), Placed.AddDays(1), Placed.AddDays(2), null, "Amsterdam", "https://carrier.example/3SSAMPLE1", []);
        return new TimelineState
        {
            Order = order,
            Parcels = [parcel],
            Consent = new ConsentState(true, true, true, false, false, []),
        };
    }

    public static TimelineMessage Message(Intent intent, Channel channel, string locale) => new(
        MessageKey.For("SAMPLE-1001", intent, channel), intent, channel, "sam@example.com", locale, MessagePurpose.Transactional, false,
        MessageStatus.Pending, Placed, Placed, ParcelKey: IntentProfile.IsPerParcel(intent) ? "3SSAMPLE1" : null,
        Facts: new Dictionary<string, string>
        {
            ["carrier"] = "PostNL", ["trackingNumber"] = "3SSAMPLE1", ["location"] = "Amsterdam", ["description"] = "Sample",
            ["allDelivered"] = "true", ["days"] = "3", ["cause"] = WireName.Of(intent), ["source"] = "merchant",
            ["reason"] = "Sample", ["skus"] = "SKU-1", ["resolution"] = "refund",
        });
}
