using PostPurchase.Core.Orders;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Testing;

namespace PostPurchase.Web.Tests.Pages;

/// <summary>Timeline states built by hand for rendering tests (no decider involved).</summary>
internal static class States
{
    public static TimelineState Confirmed(Order? order = null)
    {
        order ??= OrderBuilder.Electronics().WithItem("TEE-M-BLK", "Organic T-shirt", "apparel", 1, 19.5m).Build();
        var c = order.Customer.Consent;
        return new TimelineState
        {
            Order = order,
            Consent = new ConsentState(c.Sms, c.WhatsApp, c.Marketing, false, false, []),
        };
    }

    public static TimelineState Shipped(TimelineState? state = null, params TrackingEvent[] events)
    {
        state ??= Confirmed();
        var placed = state.Order.PlacedAt;
        events = events.Length > 0 ? events : [Event(placed.AddDays(1), TrackingStatus.InTransit, "Utrecht")];
        var last = events.MaxBy(e => e.OccurredAt)!;
        var parcel = new ParcelState("3SPP000001", "postnl", "3SPP000001", [], last.Status, last.OccurredAt, events.Min(e => e.OccurredAt), last.OccurredAt,
            null, last.Status == TrackingStatus.Delivered ? last.OccurredAt : null, last.Location, "https://postnl.example/track/3SPP000001", []);
        return state with { Status = OrderStatus.Shipped, Parcels = [parcel], Events = events };
    }

    public static TimelineState Delivered(DateTimeOffset? at = null)
    {
        var placed = Some.Monday;
        var deliveredAt = at ?? placed.AddDays(3);
        var state = Shipped(null, Event(placed.AddDays(1), TrackingStatus.InTransit, "Utrecht"), Event(deliveredAt, TrackingStatus.Delivered, "Amsterdam"));
        return state with { Status = OrderStatus.Delivered, DeliveredAt = deliveredAt };
    }

    public static TrackingEvent Event(DateTimeOffset at, TrackingStatus status, string? location = null) =>
        new("generic", Some.EventId(), "postnl", "3SPP000001", status, status.ToString(), at, $"Scan {status}", location);
}
