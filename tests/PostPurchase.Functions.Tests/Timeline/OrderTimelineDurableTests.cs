using Microsoft.DurableTask.Client;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Functions.Tests.Support;
using PostPurchase.Functions.Timeline;
using PostPurchase.Functions.Workflows;
using PostPurchase.Infrastructure.Channels;
using PostPurchase.Infrastructure.Workflows;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;
using static PostPurchase.Functions.Tests.Support.DurableTimelineHost;

namespace PostPurchase.Functions.Tests.Timeline;

/// <summary>
/// The <c>OrderTimeline</c> orchestration end to end on a real Durable Task backend: real external events, real durable
/// timers, real ContinueAsNew, the app's activities writing read models to Azurite.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OrderTimelineDurableTests(AzuriteServer azurite)
{
    /// <summary>Room for the first execution to run before the ship-by wake-up that follows it.</summary>
    private static readonly TimeSpan WakeUpAhead = TimeSpan.FromSeconds(6);
    private static readonly ActivityRetry FastRetry = new(3, TimeSpan.FromSeconds(1), 1.0, TimeSpan.FromSeconds(1));
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task RunAsync_ShipByPassesThenTheParcelShipsAndArrives_SendsEachMessageAndCarriesTheStateAcrossExecutions()
    {
        await using var app = await StartAsync(azurite.ConnectionString, TimelinePolicy.Default, FastRetry);
        var shipBy = Time.GetUtcNow() + WakeUpAhead;
        // Placed a day before the ship-by date (the builder promises shipping within a day), so its first wake-up is seconds away.
        var order = OrderBuilder.Apparel().WithId(Some.OrderId()).PlacedAt(shipBy.AddDays(-1)).Build();
        var parcel = new ShipmentRef("postnl", Some.TrackingNumber());

        var started = await app.Workflows.StartAsync(order, None);

        Assert.True(started.Created);
        var confirmation = await EventuallyAsync("the order confirmation", () => app.Email.Sent(Intent.OrderConfirmation).SingleOrDefault());

        // Nobody shipped by the promised date: the durable timer wakes the timeline, which alerts the buyer once.
        var alert = await EventuallyAsync("the not-shipped alert", () => app.Email.Calls.SingleOrDefault(c => c.Message.Intent == Intent.DelayNotShipped).Message);
        var afterWakeUp = await app.SavedAsync(order.OrderId, "the state after the wake-up", s => s.State.DelayAlerts.Count > 0);
        var decided = afterWakeUp.State.Messages.ToDictionary(m => m.Key);
        Assert.True(decided[confirmation.Key].DecidedAt < shipBy, "the confirmation was decided at intake, before the wake-up");
        Assert.True(decided[alert.Key].DecidedAt >= shipBy, "the alert was decided by the timer at the ship-by date, not earlier");

        // The carrier's first scan arrives before the shop registers the parcel: it is parked, then replayed on registration.
        var inTransit = new TrackingEvent("aftership", "evt-1", parcel.Carrier, parcel.TrackingNumber, TrackingStatus.InTransit, "InTransit", Time.GetUtcNow());
        Assert.Equal(IngressResult.Parked, Assert.Single(await app.Ingress.AcceptAsync([inTransit], None)).Result);
        Assert.True(await app.Workflows.RaiseAsync(order.OrderId, new ShipmentRegistered(parcel), None));
        await EventuallyAsync("the shipped message", () => app.Email.Sent(Intent.Shipped).SingleOrDefault());

        var delivered = inTransit with { EventId = "evt-2", Status = TrackingStatus.Delivered, RawStatus = "Delivered", OccurredAt = Time.GetUtcNow() };
        Assert.Equal(IngressResult.Routed, Assert.Single(await app.Ingress.AcceptAsync([delivered], None)).Result);
        await EventuallyAsync("the delivered message", () => app.Email.Sent(Intent.Delivered).SingleOrDefault());

        var final = await app.SavedAsync(order.OrderId, "the delivered state", s => s.State.Status == OrderStatus.Delivered);
        var instance = await app.Client.GetInstanceAsync(OrderInstance.IdFor(order.OrderId), getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Running, instance!.RuntimeStatus);
        // One execution applied every input so far (no ContinueAsNew), and its progress status follows the state.
        Assert.Null(instance.ReadInputAs<TimelineRun>()!.State);
        Assert.True(instance.ReadCustomStatusAs<TimelineProgress>()!.Version >= final.State.Version);
        // Everything earlier decisions learnt is still there: the provider id of the first send included.
        Assert.Equal($"rec-{confirmation.Key}", final.State.Messages.Single(m => m.Key == confirmation.Key).ProviderMessageId);
        Assert.Equal([Intent.DelayNotShipped], final.State.DelayAlerts);
        Assert.Equal(["evt-1", "evt-2"], final.State.Events.Select(e => e.EventId));

        var saved = await EventuallyAsync("the delivered read model in storage", async () =>
            await app.ReadModels.GetAsync(order.OrderId, None) is { State.Status: OrderStatus.Delivered } snapshot ? snapshot : null);
        Assert.Equal(MessageStatus.Sent, saved.Messages.Single(m => m.Message.Intent == Intent.Delivered && m.Message.Channel == Channel.Email).Message.Status);
        Assert.Equal(IngressResult.Duplicate, Assert.Single(await app.Ingress.AcceptAsync([delivered], None)).Result);
        var again = await app.Workflows.StartAsync(order, None);
        Assert.False(again.Created);
        Assert.Equal(OrderStatus.Delivered, again.Snapshot.State.Status);
    }

    [Fact]
    public async Task RunAsync_CarrierScannedTheParcelBeforeTheOrderArrived_TheFirstExecutionAppliesTheParkedScan()
    {
        await using var app = await StartAsync(azurite.ConnectionString, TimelinePolicy.Default, FastRetry);
        var parcel = new ShipmentRef("postnl", Some.TrackingNumber());
        var order = OrderBuilder.Apparel().WithId(Some.OrderId()).PlacedAt(Time.GetUtcNow()).WithShipment(parcel.Carrier, parcel.TrackingNumber).Build();
        var scan = new TrackingEvent("generic", "evt-early", parcel.Carrier, parcel.TrackingNumber, TrackingStatus.InTransit, "in-transit", Time.GetUtcNow());
        Assert.Equal(IngressResult.Parked, Assert.Single(await app.Ingress.AcceptAsync([scan], None)).Result);

        await app.Workflows.StartAsync(order, None);

        // Handed over in the start input, not raised at an instance that has not started (the backend may drop such an event).
        var saved = await app.SavedAsync(order.OrderId, "the parked scan in the order", s => s.State.Events.Count > 0);
        Assert.Equal(["evt-early"], saved.State.Events.Select(e => e.EventId));
        Assert.Equal(OrderStatus.Shipped, saved.State.Status);
    }

    [Fact]
    public async Task RunAsync_OrderCancelled_ConfirmsTheCancellationAndCompletes()
    {
        await using var app = await StartAsync(azurite.ConnectionString, TimelinePolicy.Default, FastRetry);
        var order = OrderBuilder.Apparel().WithId(Some.OrderId()).PlacedAt(Time.GetUtcNow()).Build();
        await app.Workflows.StartAsync(order, None);
        await EventuallyAsync("the order confirmation", () => app.Email.Sent(Intent.OrderConfirmation).SingleOrDefault());

        Assert.True(await app.Workflows.RaiseAsync(order.OrderId, new OrderCancelled("merchant", "out of stock"), None));

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var completed = await app.Client.WaitForInstanceCompletionAsync(OrderInstance.IdFor(order.OrderId), getInputsAndOutputs: false, patience.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, completed.RuntimeStatus);
        Assert.Single(app.Email.Sent(Intent.CancellationConfirmed));
        Assert.Equal(OrderStatus.Cancelled, (await app.ReadModels.GetAsync(order.OrderId, None))!.State.Status);
        // A completed timeline is known but takes no more inputs.
        Assert.True(await app.Workflows.RaiseAsync(order.OrderId, new OrderCancelled("merchant"), None));
    }

    [Fact]
    public async Task SendMessage_ProviderAsksToRetry_TheDurableRetryPolicySendsItAgain()
    {
        await using var app = await StartAsync(azurite.ConnectionString, TimelinePolicy.Default, FastRetry);
        var order = OrderBuilder.Apparel().WithId(Some.OrderId()).PlacedAt(Time.GetUtcNow()).Build();
        app.Email.Next(new SendResult(SendOutcome.Retry, Error: "429 Too Many Requests"));

        await app.Workflows.StartAsync(order, None);

        // The commit's attempt was put off; the single-message retry sent it, and a save records it.
        var saved = await app.SavedAsync(order.OrderId, "the confirmation recorded as sent",
            s => s.Messages.Any(r => r.Message.Intent == Intent.OrderConfirmation && r.Message.Status == MessageStatus.Sent));
        Assert.Equal(2, app.Email.Sent(Intent.OrderConfirmation).Count());
        Assert.StartsWith("rec-", saved.Messages.Single(r => r.Message.Intent == Intent.OrderConfirmation).Message.ProviderMessageId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MoreInputsThanOneExecutionTakes_AppliesEveryOneAcrossContinueAsNew()
    {
        await using var app = await StartAsync(azurite.ConnectionString, TimelinePolicy.Default, FastRetry);
        var order = OrderBuilder.Apparel().WithId(Some.OrderId()).PlacedAt(Time.GetUtcNow()).Build();
        await app.Workflows.StartAsync(order, None);
        var placed = await app.SavedAsync(order.OrderId, "the confirmed order", s => s.Messages.Any(r => r.Message.Status == MessageStatus.Sent));
        var inputs = OrderTimelineOrchestration.InputsBeforeContinuing + 6;

        // Raised back to back: many land while the execution is busy, some while it continues as new.
        for (var i = 0; i < inputs; i++)
        {
            Assert.True(await app.Workflows.RaiseAsync(order.OrderId, new ConsentChanged(ConsentSubjects.Sms, i % 2 == 1, "buyer"), None));
        }

        var saved = await app.SavedAsync(order.OrderId, $"all {inputs} consent changes applied",
            s => s.State.Consent.History.Count(h => h.Source == "buyer") == inputs);
        Assert.True(saved.State.Consent.Sms);
        // The last commit saves the read model before the execution continues as new, so the new input lands a moment later.
        var instance = await EventuallyAsync("the execution continued as new with the state", async () =>
        {
            var current = await app.Client.GetInstanceAsync(OrderInstance.IdFor(order.OrderId), getInputsAndOutputs: true);
            return current?.ReadInputAs<TimelineRun>()?.State is null ? null : current;
        });
        Assert.Equal(OrchestrationRuntimeStatus.Running, instance.RuntimeStatus);
        Assert.True(saved.State.Version > placed.State.Version);
    }
}
