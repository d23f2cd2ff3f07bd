using PostPurchase.Core.Orders;
using PostPurchase.Core.Tracking;
using PostPurchase.Testing;

namespace PostPurchase.Infrastructure.Tests.Runtime;

/// <summary>Helpers that drive an order through the engine the way shops and carriers do.</summary>
internal static class EngineScenario
{
    public static TrackingEvent Scan(string trackingNumber, TrackingStatus status, DateTimeOffset at, string? eventId = null) =>
        new("aftership", eventId ?? Some.EventId(), "postnl", trackingNumber, status, status.ToString(), at, $"Carrier says {status}", "Amsterdam");

    /// <summary>Moves the clock to <paramref name="at"/> and runs everything due.</summary>
    public static async Task RunUntilAsync(this EngineHarness engine, DateTimeOffset at)
    {
        if (at > engine.Time.GetUtcNow())
        {
            engine.Time.SetUtcNow(at);
        }

        await engine.Runtime.DrainAsync(CancellationToken.None);
    }

    /// <summary>Follows the order's wake-ups one by one until its timeline completes.</summary>
    public static async Task RunToEndAsync(this EngineHarness engine, string orderId)
    {
        for (var step = 0; step < 200; step++)
        {
            var snapshot = await engine.Workflows.GetAsync(orderId, CancellationToken.None)
                ?? throw new InvalidOperationException($"Order {orderId} is unknown.");
            if (snapshot.State.Completed || snapshot.State.NextWakeAt is not { } wake)
            {
                return;
            }

            await engine.RunUntilAsync(wake);
        }

        throw new InvalidOperationException($"Order {orderId} did not complete within 200 wake-ups.");
    }

    /// <summary>Places a skincare order with one PostNL parcel and runs it: in transit, delivered, then every wake-up to the end.</summary>
    public static async Task<Order> RunSkincareTimelineAsync(this EngineHarness engine, DateTimeOffset placedAt)
    {
        var tracking = Some.TrackingNumber();
        var order = OrderBuilder.Skincare().PlacedAt(placedAt).WithShipment("postnl", tracking).Build();
        await engine.RunUntilAsync(placedAt);
        await engine.Workflows.StartAsync(order, CancellationToken.None);
        await engine.Runtime.DrainAsync(CancellationToken.None);

        await engine.RunUntilAsync(placedAt.AddHours(8));
        await engine.Ingress.AcceptAsync([Scan(tracking, TrackingStatus.InTransit, placedAt.AddHours(8))], CancellationToken.None);
        await engine.Runtime.DrainAsync(CancellationToken.None);

        await engine.RunUntilAsync(placedAt.AddDays(3).AddHours(5));
        await engine.Ingress.AcceptAsync([Scan(tracking, TrackingStatus.Delivered, placedAt.AddDays(3).AddHours(5))], CancellationToken.None);
        await engine.Runtime.DrainAsync(CancellationToken.None);

        await engine.RunToEndAsync(order.OrderId);
        return order;
    }
}
