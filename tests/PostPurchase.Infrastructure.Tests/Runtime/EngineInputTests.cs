using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Infrastructure.Runtime;
using PostPurchase.Infrastructure.Storage;
using PostPurchase.Infrastructure.Tests.Storage;
using PostPurchase.Infrastructure.Workflows;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;
using static PostPurchase.Infrastructure.Tests.Runtime.EngineScenario;

namespace PostPurchase.Infrastructure.Tests.Runtime;

[Collection(AzuriteCollection.Name)]
public sealed class EngineInputTests(AzuriteServer azurite)
{
    [Fact]
    public async Task AcceptAsync_SameEventTwice_SecondIsDuplicateAndOneShippedMessage()
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString);
        var tracking = Some.TrackingNumber();
        var order = OrderBuilder.Apparel().WithShipment("postnl", tracking).Build();
        await engine.Workflows.StartAsync(order, CancellationToken.None);
        var scan = Scan(tracking, TrackingStatus.InTransit, Some.Monday.AddHours(2));

        var first = await engine.Ingress.AcceptAsync([scan], CancellationToken.None);
        await engine.Runtime.DrainAsync(CancellationToken.None);
        var second = await engine.Ingress.AcceptAsync([scan], CancellationToken.None);
        await engine.Runtime.DrainAsync(CancellationToken.None);

        Assert.Equal(IngressResult.Routed, first.Single().Result);
        Assert.Equal(order.OrderId, first.Single().OrderId);
        Assert.Equal(IngressResult.Duplicate, second.Single().Result);
        Assert.Single(engine.Email.Sent, m => m.Intent == Intent.Shipped);
    }

    [Fact]
    public async Task AcceptAsync_SameEventOnAnotherInstance_AppliedOnce()
    {
        var tracking = Some.TrackingNumber();
        await using var one = EngineHarness.Create(azurite.ConnectionString);
        await using var two = EngineHarness.Create(azurite.ConnectionString, one.Prefix, one.Time);
        var order = OrderBuilder.Apparel().WithShipment("postnl", tracking).Build();
        await one.Workflows.StartAsync(order, CancellationToken.None);
        var scan = Scan(tracking, TrackingStatus.InTransit, Some.Monday.AddHours(2));

        await one.Ingress.AcceptAsync([scan], CancellationToken.None);
        await two.Ingress.AcceptAsync([scan], CancellationToken.None);
        await one.Runtime.DrainAsync(CancellationToken.None);
        await two.Runtime.DrainAsync(CancellationToken.None);

        var snapshot = await one.Workflows.GetAsync(order.OrderId, CancellationToken.None);
        Assert.Single(snapshot!.State.Events);
        Assert.Single([.. one.Email.Sent, .. two.Email.Sent], m => m.Intent == Intent.Shipped);
    }

    [Fact]
    public async Task AcceptAsync_DeliveredBeforeInTransit_OrderStaysDelivered()
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString);
        var tracking = Some.TrackingNumber();
        var order = OrderBuilder.Apparel().WithShipment("postnl", tracking).Build();
        await engine.Workflows.StartAsync(order, CancellationToken.None);
        await engine.RunUntilAsync(Some.Monday.AddDays(2));

        await engine.Ingress.AcceptAsync([Scan(tracking, TrackingStatus.Delivered, Some.Monday.AddDays(2))], CancellationToken.None);
        await engine.Runtime.DrainAsync(CancellationToken.None);
        await engine.Ingress.AcceptAsync([Scan(tracking, TrackingStatus.InTransit, Some.Monday.AddHours(6))], CancellationToken.None);
        await engine.Runtime.DrainAsync(CancellationToken.None);

        var snapshot = await engine.Workflows.GetAsync(order.OrderId, CancellationToken.None);
        Assert.Equal(OrderStatus.Delivered, snapshot!.State.Status);
        Assert.Equal(2, snapshot.State.Events.Count);
        Assert.Single(engine.Email.Sent, m => m.Intent == Intent.Delivered);
    }

    [Fact]
    public async Task AcceptAsync_UnknownTrackingNumberThenShipmentRegistered_ParkedEventReplayed()
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString);
        var tracking = Some.TrackingNumber();
        var order = OrderBuilder.Apparel().Build();
        await engine.Workflows.StartAsync(order, CancellationToken.None);
        await engine.Runtime.DrainAsync(CancellationToken.None);

        var parked = await engine.Ingress.AcceptAsync([Scan(tracking, TrackingStatus.InTransit, Some.Monday.AddHours(3))], CancellationToken.None);
        await engine.Runtime.DrainAsync(CancellationToken.None);
        var before = await engine.Workflows.GetAsync(order.OrderId, CancellationToken.None);
        await engine.Workflows.RaiseAsync(order.OrderId, new ShipmentRegistered(new("postnl", tracking.ToLowerInvariant())), CancellationToken.None);
        await engine.Runtime.DrainAsync(CancellationToken.None);

        Assert.Equal(IngressResult.Parked, parked.Single().Result);
        Assert.Null(parked.Single().OrderId);
        Assert.Empty(before!.State.Events);
        var after = await engine.Workflows.GetAsync(order.OrderId, CancellationToken.None);
        Assert.Single(after!.State.Events);
        Assert.Equal(OrderStatus.Shipped, after.State.Status);
        Assert.Single(engine.Email.Sent, m => m.Intent == Intent.Shipped);
        Assert.Empty(await engine.Get<ParcelIndex>().ParkedAsync(tracking, CancellationToken.None));
    }

    [Fact]
    public async Task StartAsync_NewParcel_NoParkingLookupAndLaterEventsRouted()
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString);
        await engine.Runtime.DrainAsync(CancellationToken.None);
        var tracking = Some.TrackingNumber();
        var order = OrderBuilder.Apparel().WithShipment("postnl", tracking).Build();
        long ParkingReads() => engine.Counter.ByOperation().GetValueOrDefault($"GET {engine.Storage.Parked.Name}(key)");
        var readsBefore = ParkingReads();

        await engine.Workflows.StartAsync(order, CancellationToken.None);
        var routed = await engine.Ingress.AcceptAsync([Scan(tracking, TrackingStatus.InTransit, Some.Monday.AddHours(1))], CancellationToken.None);
        await engine.Runtime.DrainAsync(CancellationToken.None);

        Assert.Equal(readsBefore, ParkingReads());
        Assert.Equal(order.OrderId, routed.Single().OrderId);
        Assert.Equal(OrderStatus.Shipped, (await engine.Workflows.GetAsync(order.OrderId, CancellationToken.None))!.State.Status);
    }

    [Fact]
    public async Task StartAsync_IntakeWithShipmentAfterEventParked_ParkedEventReplayed()
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString);
        var tracking = Some.TrackingNumber();
        await engine.Ingress.AcceptAsync([Scan(tracking, TrackingStatus.InTransit, Some.Monday.AddHours(1))], CancellationToken.None);

        var order = OrderBuilder.Apparel().WithShipment("postnl", tracking).Build();
        await engine.Workflows.StartAsync(order, CancellationToken.None);
        await engine.Runtime.DrainAsync(CancellationToken.None);

        var snapshot = await engine.Workflows.GetAsync(order.OrderId, CancellationToken.None);
        Assert.Single(snapshot!.State.Events);
    }

    [Fact]
    public async Task ApplyAsync_SameQueueMessageTwice_SecondChangesNothing()
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString);
        var order = OrderBuilder.Apparel().Build();
        await engine.Workflows.StartAsync(order, CancellationToken.None);
        var envelope = InputEnvelope.For(order.OrderId, new ConsentChanged("sms", false, "merchant"));
        var inbox = engine.Get<InboxQueue>();

        await inbox.EnqueueAsync(envelope, TimeSpan.Zero, CancellationToken.None);
        await engine.Runtime.DrainAsync(CancellationToken.None);
        var once = await engine.Get<OrderStore>().LoadAsync(order.OrderId, CancellationToken.None);
        await inbox.EnqueueAsync(envelope, TimeSpan.Zero, CancellationToken.None);
        await engine.Runtime.DrainAsync(CancellationToken.None);
        var twice = await engine.Get<OrderStore>().LoadAsync(order.OrderId, CancellationToken.None);

        Assert.Equal(once!.ETag, twice!.ETag);
        Assert.Equal(once.State.Version, twice.State.Version);
    }

    [Fact]
    public async Task RaiseAsync_MerchantCancels_AppliedBeforeItReturnsWithoutTheQueue()
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString);
        var order = OrderBuilder.Apparel().Build();
        await engine.Workflows.StartAsync(order, CancellationToken.None);
        await engine.Runtime.DrainAsync(CancellationToken.None);
        var queuesBefore = engine.Counter.Queues;

        Assert.True(await engine.Workflows.RaiseAsync(order.OrderId, new OrderCancelled("merchant", "out of stock"), CancellationToken.None));

        var stored = await engine.Get<OrderStore>().LoadAsync(order.OrderId, CancellationToken.None);
        Assert.Equal(OrderStatus.Cancelled, stored!.State.Status);
        Assert.Equal(queuesBefore, engine.Counter.Queues);
    }

    [Fact]
    public async Task RaiseAsync_UnknownOrder_FalseAndNothingQueued()
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString);
        await engine.Runtime.DrainAsync(CancellationToken.None);
        var queuesBefore = engine.Counter.Queues;

        Assert.False(await engine.Workflows.RaiseAsync("PP-NOBODY", new CsatAnswered(5), CancellationToken.None));

        Assert.Equal(queuesBefore, engine.Counter.Queues);
    }

    [Fact]
    public async Task GetPoisonInputsAsync_InputFailsEveryAttempt_ListedWithErrorAndAttempts()
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString, configure: o => new EngineOptions
        {
            Render = o.Render,
            InputRetryDelay = TimeSpan.Zero,
            MaxInputAttempts = 3,
            Decide = (state, input, now, policy) => input is ReviewLinkUsed
                ? throw new InvalidOperationException("The review link input cannot be applied.")
                : OrderTimeline.Decide(state, input, now, policy),
        });
        var order = OrderBuilder.Apparel().Build();
        await engine.Workflows.StartAsync(order, CancellationToken.None);

        await engine.Workflows.RaiseAsync(order.OrderId, new ReviewLinkUsed(), CancellationToken.None);
        await engine.Runtime.DrainAsync(CancellationToken.None);

        var poison = Assert.Single(await engine.Runtime.GetPoisonInputsAsync(10, CancellationToken.None));
        Assert.Equal(order.OrderId, poison.OrderId);
        Assert.Equal(3, poison.Attempts);
        Assert.Contains("The review link input cannot be applied.", poison.Error, StringComparison.Ordinal);
        Assert.Contains("review-link-used", poison.Payload, StringComparison.Ordinal);
        Assert.Equal(0, (await engine.Storage.Inbox.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }
}
