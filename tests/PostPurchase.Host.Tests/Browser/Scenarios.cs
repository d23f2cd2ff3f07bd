using PostPurchase.Core.Orders;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Testing;

namespace PostPurchase.Host.Tests.Browser;

/// <summary>Orders driven through the real engine to the state a page test needs.</summary>
internal static class Scenarios
{
    public static async Task<(Order Order, List<TrackingEvent> Events)> ShippedAsync(PagesHost host, string locale = "en", bool deliver = false, OrderBuilder? builder = null)
    {
        var now = host.Clock.GetUtcNow();
        var tracking = Some.TrackingNumber();
        var order = (builder ?? OrderBuilder.Electronics()).PlacedAt(now).For(Some.Customer(locale)).WithShipment("postnl", tracking).Build();
        await host.PlaceAsync(order);
        var events = new List<TrackingEvent>
        {
            new("generic", Some.EventId(), "postnl", tracking, TrackingStatus.InTransit, "in_transit", now.AddHours(2), "Sorted at the hub", "Utrecht"),
            new("generic", Some.EventId(), "postnl", tracking, TrackingStatus.OutForDelivery, "out_for_delivery", now.AddHours(20), "With the driver", "Amsterdam"),
        };
        if (deliver)
        {
            events.Add(new("generic", Some.EventId(), "postnl", tracking, TrackingStatus.Delivered, "delivered", now.AddHours(26), "Delivered at the door", "Amsterdam"));
        }
        foreach (var e in events)
        {
            await host.RaiseAsync(order.OrderId, new TrackingUpdated(e));
        }
        return (order, events);
    }

    public static async Task<Order> DeliveredAsync(PagesHost host, string locale = "en")
    {
        var (order, _) = await ShippedAsync(host, locale, deliver: true);
        await host.AdvanceAsync(TimeSpan.FromDays(1) + TimeSpan.FromHours(4));
        var state = (await host.SnapshotAsync(order.OrderId)).State;
        Assert.Equal(OrderStatus.Delivered, state.Status);
        return order;
    }
}
