using PostPurchase.Core.Growth;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Testing;

namespace PostPurchase.Core.Tests.Growth;

/// <summary>Orders, buyers and policies for the growth scenarios: an Amsterdam buyer with marketing consent, delivered on Wednesday 4 March 2026.</summary>
internal static class GrowthSetup
{
    public static readonly TimeSpan Cet = TimeSpan.FromHours(1);
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, Cet);
    public static readonly DateTimeOffset DeliveredAt = new(2026, 3, 4, 14, 0, 0, Cet);

    public static ConsentGrant Marketing { get; } = new(Sms: false, WhatsApp: false, Marketing: true, WordingVersion: "v1");

    /// <summary>Serum lasts 60 days; skincare is won back after 90; reviews and surveys off unless a test wants them.</summary>
    public static TimelinePolicy Policy(Func<GrowthPolicy, GrowthPolicy>? growth = null, bool feedback = false)
    {
        var policy = TimelinePolicy.Default with
        {
            Review = new ReviewPolicy { Enabled = feedback },
            Csat = new CsatPolicy { Enabled = feedback },
            Growth = new GrowthPolicy
            {
                Replenishment = new ReplenishmentPolicy
                {
                    SkuDays = new(StringComparer.OrdinalIgnoreCase) { ["SERUM-30"] = 60 },
                    Reorder = new ReorderLinkPolicy { Kind = ReorderLinkKind.Shopify, ShopUrl = "https://shop.example" },
                },
            },
        };
        return growth is null ? policy : policy with { Growth = growth(policy.Growth) };
    }

    public static BuyerFacts Buyer(int orderNumber = 1, BuyerActivity? activity = null, string? referralCode = "FRIEND-7K2M9QXA") =>
        new("buyer-key-anna", orderNumber, Monday.AddDays(-100), orderNumber > 1 ? Monday.AddDays(-30) : null, [], referralCode)
        {
            Activity = activity ?? new BuyerActivity(),
        };

    public static OrderBuilder Serum(ConsentGrant? consent = null, string? orderId = null)
    {
        var builder = OrderBuilder.Skincare().PlacedAt(Monday).WithShipment("postnl", "3SGROWTH1").WithConsent(consent ?? Marketing);
        return orderId is null ? builder : builder.WithId(orderId);
    }

    /// <summary>The order placed with a buyer profile, shipped Monday night and delivered Wednesday 14:00.</summary>
    public static TimelineDriver Delivered(TimelinePolicy policy, OrderBuilder? order = null, BuyerFacts? buyer = null)
    {
        var timeline = TimelineDriver.Place((order ?? Serum()).Build(), policy, buyer ?? Buyer());
        timeline.Scan(Monday.AddHours(20), TrackingStatus.InTransit);
        timeline.Scan(DeliveredAt, TrackingStatus.Delivered);
        return timeline;
    }

    public static TimelineMessage Only(Decision decision, Intent intent) => Assert.Single(decision.Messages, m => m.Intent == intent);
}
