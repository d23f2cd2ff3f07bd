using PostPurchase.Core.Orders;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Infrastructure.Tests.Storage;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;
using static PostPurchase.Infrastructure.Tests.Runtime.EngineScenario;

namespace PostPurchase.Infrastructure.Tests.Runtime;

[Collection(AzuriteCollection.Name)]
public sealed class EngineConcurrencyTests(AzuriteServer azurite)
{
    [Fact]
    public async Task DrainAsync_TwoInstancesOnSameOrders_EveryMessageSentExactlyOnce()
    {
        await using var one = EngineHarness.Create(azurite.ConnectionString);
        await using var two = EngineHarness.Create(azurite.ConnectionString, one.Prefix, one.Time);
        var orders = Enumerable.Range(0, 12)
            .Select(_ => OrderBuilder.Apparel().WithShipment("postnl", Some.TrackingNumber()).Build())
            .ToList();

        await Task.WhenAll(orders.Select((o, i) => (i % 2 == 0 ? one : two).Workflows.StartAsync(o, CancellationToken.None)));
        await Task.WhenAll(DrainBoth(one, two));
        await one.RunUntilAsync(Some.Monday.AddHours(6));
        // Every carrier event reaches both instances, as webhooks retried by a provider would.
        foreach (var status in new[] { TrackingStatus.InTransit, TrackingStatus.OutForDelivery, TrackingStatus.Delivered })
        {
            var at = one.Time.GetUtcNow();
            var scans = orders.Select(o => Scan(o.Shipments[0].TrackingNumber, status, at)).ToList();
            await Task.WhenAll(one.Ingress.AcceptAsync(scans, CancellationToken.None), two.Ingress.AcceptAsync(scans, CancellationToken.None));
            await Task.WhenAll(DrainBoth(one, two));
            one.Time.Advance(TimeSpan.FromHours(2));
        }

        for (var day = 0; day < 45; day++)
        {
            one.Time.Advance(TimeSpan.FromDays(1));
            await Task.WhenAll(DrainBoth(one, two));
        }

        var sent = one.AllSent.Concat(two.AllSent).ToList();
        Assert.Equal(sent.Count, sent.Select(m => m.Key).Distinct().Count());
        foreach (var order in orders)
        {
            var snapshot = await one.Workflows.GetAsync(order.OrderId, CancellationToken.None);
            Assert.True(snapshot!.State.Completed, $"{order.OrderId} did not complete");
            Assert.Equal(3, snapshot.State.Events.Count);
            foreach (var intent in new[] { Intent.OrderConfirmation, Intent.Shipped, Intent.Delivered, Intent.CsatSurvey, Intent.ReviewRequest })
            {
                Assert.Single(sent, m => m.OrderId == order.OrderId && m.Intent == intent && m.Channel == Channel.Email);
            }
        }
    }

    private static IEnumerable<Task> DrainBoth(EngineHarness one, EngineHarness two) =>
        [one.Runtime.DrainAsync(CancellationToken.None), two.Runtime.DrainAsync(CancellationToken.None)];
}
