using PostPurchase.Core.Orders;
using PostPurchase.Core.Tracking;
using PostPurchase.Infrastructure.Runtime;
using PostPurchase.Infrastructure.Tests.Storage;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;
using Xunit.Abstractions;
using static PostPurchase.Infrastructure.Tests.Runtime.EngineScenario;

namespace PostPurchase.Infrastructure.Tests.Runtime;

[Collection(AzuriteCollection.Name)]
public sealed class EngineRequestCountTests(AzuriteServer azurite, ITestOutputHelper output)
{
    private const int Orders = 20;

    [Fact]
    public async Task StorageRequestCounter_FullTimelines_AtMostSixtyRequestsPerOrder()
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString, buyers: true);
        await engine.Runtime.DrainAsync(CancellationToken.None);
        var orders = Enumerable.Range(0, Orders)
            .Select(i => OrderBuilder.Apparel().For(Some.Customer() with { Email = $"buyer{i}@example.com" }).WithShipment("postnl", Some.TrackingNumber()).Build())
            .ToList();
        var before = engine.Counter.Total;

        await Task.WhenAll(orders.Select(o => engine.Workflows.StartAsync(o, CancellationToken.None)));
        await engine.Runtime.DrainAsync(CancellationToken.None);
        foreach (var status in new[] { TrackingStatus.InfoReceived, TrackingStatus.InTransit, TrackingStatus.InTransit, TrackingStatus.OutForDelivery, TrackingStatus.Delivered })
        {
            engine.Time.Advance(TimeSpan.FromHours(3));
            await engine.Ingress.AcceptAsync(Scans(orders, status, engine.Time.GetUtcNow()), CancellationToken.None);
            await engine.Runtime.DrainAsync(CancellationToken.None);
        }

        // Jump from wake-up to wake-up (as a live engine would fire them) rather than polling day by day.
        for (var step = 0; step < 200 && engine.Get<WakeupBoard>().NextDue is { } next; step++)
        {
            await engine.RunUntilAsync(next);
        }

        var perOrder = (engine.Counter.Total - before) / (double)Orders;
        output.WriteLine($"{perOrder:F1} storage requests per order ({Orders} orders, 5 carrier events, intake, CSAT and review each)");
        foreach (var (operation, count) in engine.Counter.ByOperation().OrderByDescending(p => p.Value))
        {
            output.WriteLine($"  {operation}: {count}");
        }

        foreach (var order in orders)
        {
            Assert.True((await engine.Workflows.GetAsync(order.OrderId, CancellationToken.None))!.State.Completed);
        }

        // 58.4 measured: 9 decisions, 7 claims + 7 outcomes, 5 wake-up index rows, 5 inputs in and out of the queue, the intake's
        // 2 index writes (a new parcel needs no parked-event lookup), 2 state reads for superseded wake-ups, the drain's polls, the
        // buyer profile's 3 (its insert at intake, the reservations of the survey and the review), and the open-orders index: 7
        // outbox entries written ahead of the commits that made messages, their batched deletes and the sweeps' listings (about 10);
        // docs/runtime.md breaks them down.
        Assert.InRange(perOrder, 1, 60);
    }

    private static List<TrackingEvent> Scans(IEnumerable<Order> orders, TrackingStatus status, DateTimeOffset at) =>
        [.. orders.Select(o => Scan(o.Shipments[0].TrackingNumber, status, at))];
}
