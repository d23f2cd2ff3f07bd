using PostPurchase.Core.Messages;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Testing;

namespace PostPurchase.Core.Tests.Messages;

/// <summary>Hand-built timeline states and messages for composer tests.</summary>
internal static class MessageScenario
{
    public const string TrackingNumber = "3SPOSTNL0123456789";

    public static readonly MessageLinks Links = new(
        "https://track.example-shop.com/t/eyJvIjoiUFAtMTAwMjMiLCJ2IjoxfQ.k3Jd9sLq-Xw2pZ",
        "https://track.example-shop.com/r/eyJvIjoiUFAtMTAwMjMifQ.aB3",
        "https://track.example-shop.com/c/eyJvIjoiUFAtMTAwMjMifQ.cD4");

    public static IEnumerable<Intent> Intents => Enum.GetValues<Intent>();

    public static TheoryData<string, Intent, Channel> AllCombinations()
    {
        var data = new TheoryData<string, Intent, Channel>();
        foreach (var locale in LocaleFormat.Supported)
            foreach (var intent in Intents)
                foreach (var channel in Enum.GetValues<Channel>())
                    data.Add(locale, intent, channel);
        return data;
    }

    public static TheoryData<string, Intent> LocalesAndIntents()
    {
        var data = new TheoryData<string, Intent>();
        foreach (var locale in LocaleFormat.Supported)
            foreach (var intent in Intents)
                data.Add(locale, intent);
        return data;
    }

    public static Order Order(string locale = "nl", string currency = "EUR") =>
        OrderBuilder.Skincare()
            .WithId("PP-10023")
            .For(Some.Customer(locale))
            .WithItem("TEE-M-BLK", "Organic T-shirt, black, M", "apparel", 2, 19.50m)
            .WithDiscount(5m)
            .WithShipment("PostNL", TrackingNumber, "SERUM-30")
            .Build() with { Currency = currency };

    public static TimelineState State(Order order, string carrier = "PostNL") => new()
    {
        Order = order,
        Parcels =
        [
            new ParcelState(ParcelKey.Of(TrackingNumber), carrier, TrackingNumber, ["SERUM-30"], TrackingStatus.InTransit,
                Some.Monday.AddDays(1), Some.Monday.AddDays(1), Some.Monday.AddDays(1), Some.Monday.AddDays(3), null,
                "Sorteercentrum Nieuwegein", "https://jouw.postnl.nl/track-and-trace/3SPOSTNL0123456789", []),
        ],
        Consent = new ConsentState(true, true, true, false, false, []),
    };

    public static TimelineMessage Message(Intent intent, Channel channel, string locale, IReadOnlyDictionary<string, string>? facts = null)
    {
        var perParcel = intent is Intent.Shipped or Intent.OutForDelivery or Intent.Delivered or Intent.DeliveryFailedAttempt
            or Intent.AvailableForPickup or Intent.DeliveryException or Intent.ReturnedToSender;
        return new TimelineMessage(
            MessageKey.For("PP-10023", intent, channel), intent, channel, "anna@example.com", locale, MessageRules.PurposeOf(intent),
            false, MessageStatus.Pending, Some.Monday, Some.Monday, ParcelKey: perParcel ? ParcelKey.Of(TrackingNumber) : null,
            Facts: facts ?? Facts(intent));
    }

    /// <summary>The facts the decider sets for <paramref name="intent"/>, with every optional one present.</summary>
    public static Dictionary<string, string> Facts(Intent intent, string carrier = "PostNL") => intent switch
    {
        Intent.Shipped or Intent.OutForDelivery or Intent.DeliveryFailedAttempt or Intent.AvailableForPickup
            or Intent.DeliveryException or Intent.ReturnedToSender => new()
            {
                ["carrier"] = carrier, ["trackingNumber"] = TrackingNumber, ["location"] = "PostNL-punt Albert Heijn Damrak",
                ["description"] = "Recipient not at home", ["carrierEstimate"] = "2026-03-05T12:00:00Z",
            },
        Intent.Delivered => new() { ["carrier"] = carrier, ["trackingNumber"] = TrackingNumber, ["allDelivered"] = "false" },
        Intent.DelayNotShipped => new() { ["promisedShipBy"] = "2026-03-03T10:00:00+01:00", ["cause"] = "delay-not-shipped" },
        Intent.DelayEstimateSlipped => new() { ["newEstimate"] = "2026-03-09T12:00:00Z", ["promisedBy"] = "2026-03-06T09:00:00+01:00", ["cause"] = "delay-estimate-slipped" },
        Intent.DelayNoScan => new() { ["lastScanAt"] = "2026-03-03T16:45:00Z", ["days"] = "3", ["cause"] = "delay-no-scan" },
        Intent.DelayOverdue => new() { ["promisedBy"] = "2026-03-06T09:00:00+01:00", ["cause"] = "delay-overdue" },
        Intent.CancellationConfirmed => new() { ["source"] = "customer", ["reason"] = "Ordered the wrong size" },
        Intent.ReturnInstructions => new() { ["skus"] = "TEE-M-BLK", ["resolution"] = "exchange", ["reason"] = "too-small" },
        Intent.ReviewRequest or Intent.ReviewReminder => new() { ["skus"] = "SERUM-30,TEE-M-BLK" },
        Intent.ReplenishmentReminder => new() { ["skus"] = "SERUM-30", ["quantity"] = "1", ["days"] = "60", ["reorderUrl"] = "https://shop.example/cart/4412:1" },
        Intent.WinBack => new() { ["days"] = "90", ["incentiveCode"] = "COMEBACK10", ["landingUrl"] = "https://shop.example/discount/COMEBACK10" },
        Intent.ReferralInvite => new() { ["code"] = "FRIEND-7K2M9QXA", ["reward"] = "10% off for your friend", ["shareUrl"] = "https://shop.example/?ref=FRIEND-7K2M9QXA" },
        _ => new(),
    };

    public static string Wire(Intent intent) => WireName.Of(intent);
}
