using PostPurchase.Core.Growth;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Infrastructure.Runtime;
using PostPurchase.Infrastructure.Buyers;
using PostPurchase.Infrastructure.Tests.Storage;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;
using static PostPurchase.Infrastructure.Tests.Runtime.EngineScenario;

namespace PostPurchase.Infrastructure.Tests.Runtime;

/// <summary>The buyer across orders in the embedded engine: intake, the tell-the-earlier-orders step and the weekly cap's reservation.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class EngineGrowthTests(AzuriteServer azurite)
{
    private static readonly TimelinePolicy OneMarketingAWeek = TimelinePolicy.Default with
    {
        Csat = new CsatPolicy { Enabled = false },
        Growth = new GrowthPolicy { WeeklyMarketingCap = 1 },
    };

    [Fact]
    public async Task StartAsync_SecondOrderOfTheBuyer_IsOrderTwoAndTheFirstLearnsOfIt()
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString, buyers: true);
        var first = OrderBuilder.Skincare().Build();
        await engine.Workflows.StartAsync(first, CancellationToken.None);
        await engine.AdvanceAsync(TimeSpan.FromDays(3));
        var second = OrderBuilder.Apparel().PlacedAt(engine.Time.GetUtcNow()).For(Some.Customer() with { Email = "Anna+sale@Example.com" }).Build();

        await engine.Workflows.StartAsync(second, CancellationToken.None);

        var firstState = (await engine.Workflows.GetAsync(first.OrderId, CancellationToken.None))!.State;
        var secondState = (await engine.Workflows.GetAsync(second.OrderId, CancellationToken.None))!.State;
        Assert.Equal((1, 2), (firstState.Buyer!.OrderNumber, secondState.Buyer!.OrderNumber));
        Assert.Equal(firstState.Buyer.Key, secondState.Buyer.Key);
        Assert.Equal(["skincare"], secondState.Buyer.Categories);
        var reorder = Assert.Single(firstState.Reorders);
        Assert.Equal((second.OrderId, second.Totals.Total), (reorder.OrderId, reorder.Total));
    }

    [Fact]
    public async Task DrainAsync_TwoOrdersReviewedTheSameDay_TheCapSendsOneAndTheOtherWaitsAWeek()
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString, configure: o => new EngineOptions { Render = o.Render, InputRetryDelay = TimeSpan.Zero, Policy = OneMarketingAWeek }, buyers: true);
        var orders = new[] { OrderBuilder.Apparel(), OrderBuilder.Apparel() }
            .Select(b => b.WithShipment("postnl", Some.TrackingNumber()).Build()).ToList();
        foreach (var order in orders)
        {
            await engine.Workflows.StartAsync(order, CancellationToken.None);
        }
        await engine.RunUntilAsync(Some.Monday.AddHours(5));
        await engine.Ingress.AcceptAsync([.. orders.Select(o => Scan(o.Shipments[0].TrackingNumber, TrackingStatus.Delivered, Some.Monday.AddHours(5)))], CancellationToken.None);
        await engine.Runtime.DrainAsync(CancellationToken.None);

        foreach (var order in orders)
        {
            await engine.RunToEndAsync(order.OrderId);
        }

        var sent = new List<DateTimeOffset>();
        foreach (var order in orders)
        {
            var review = (await engine.Workflows.GetAsync(order.OrderId, CancellationToken.None))!.Messages.Single(m => m.Message.Intent == Intent.ReviewRequest).Message;
            Assert.Equal(MessageStatus.Sent, review.Status);
            sent.Add(review.SentAt!.Value);
        }
        Assert.Equal(2, engine.Email.Sent.Count(m => m.Intent == Intent.ReviewRequest));
        Assert.True((sent.Max() - sent.Min()) >= CapWindow.Length, $"the reviews went {sent[0]:o} and {sent[1]:o}, within a week");
        var profile = await engine.Get<IBuyerProfiles>().GetAsync((await engine.Workflows.GetAsync(orders[0].OrderId, CancellationToken.None))!.State.Buyer!.Key, CancellationToken.None);
        Assert.Equal(2, profile!.Orders.Count);
    }
}
