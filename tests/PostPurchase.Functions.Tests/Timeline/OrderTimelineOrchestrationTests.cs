using Microsoft.DurableTask;
using Moq;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Functions.Tests.Support;
using static PostPurchase.Functions.Tests.Support.TimelineRuns;
using PostPurchase.Functions.Timeline;
using PostPurchase.Infrastructure.Channels;
using PostPurchase.Testing;

namespace PostPurchase.Functions.Tests.Timeline;

public sealed class OrderTimelineOrchestrationTests
{
    [Fact]
    public async Task RunAsync_TimerWins_AppliesWakeUpAtTheWakeTime()
    {
        var state = PlacedAndConfirmed(out var order);
        var wakeAt = state.NextWakeAt!.Value;
        var context = new OrchestrationContextMock(wakeAt);
        context.FireTimer();

        await OrderTimelineOrchestration.RunAsync(context.Object, Waiting(state));

        Assert.Equal(wakeAt.UtcDateTime, context.TimerFireAt);
        // Not scanned by the ship-by date: the wake-up releases the delay alert, and the next wake-up is later.
        var sent = Assert.Single(context.Sent);
        Assert.Equal(Intent.DelayNotShipped, sent.Message.Intent);
        Assert.Equal(order.OrderId, sent.State.Order.OrderId);
        Assert.True(context.ContinuedWith!.State!.NextWakeAt > wakeAt);
    }

    [Fact]
    public async Task RunAsync_EventWins_CancelsTheTimerAndAppliesTheEvent()
    {
        var state = PlacedAndConfirmed(out var order);
        var context = new OrchestrationContextMock(order.PlacedAt.AddHours(2));
        context.RaiseEvent(new ShipmentRegistered(new ShipmentRef("postnl", "3SABCD1234567")));

        await OrderTimelineOrchestration.RunAsync(context.Object, Waiting(state));

        Assert.True(context.TimerToken.IsCancellationRequested);
        Assert.Single(context.ContinuedWith!.State!.Parcels);
    }

    [Fact]
    public async Task RunAsync_NothingScheduled_WaitsForTheEventWithoutATimer()
    {
        var state = PlacedAndConfirmed(out var order) with { NextWakeAt = null };
        var context = new OrchestrationContextMock(order.PlacedAt.AddHours(2));
        context.RaiseEvent(new ShipmentRegistered(new ShipmentRef("postnl", "3SABCD1234567")));

        await OrderTimelineOrchestration.RunAsync(context.Object, Waiting(state));

        context.Mock.Verify(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Single(context.ContinuedWith!.State!.Parcels);
    }

    [Fact]
    public async Task RunAsync_FirstInput_CallsTheSendActivityOncePerPendingMessageWithTheRetryOptions()
    {
        var order = OrderBuilder.Skincare().Build();
        var pending = OrderTimeline.Decide(null, new OrderPlaced(order), order.PlacedAt, Policy).Messages
            .Where(m => m.Status == MessageStatus.Pending).Select(m => m.Key).ToList();
        var context = new OrchestrationContextMock(order.PlacedAt);

        await OrderTimelineOrchestration.RunAsync(context.Object, new TimelineRun(null, new OrderPlaced(order), Policy, Retry));

        Assert.NotEmpty(pending);
        Assert.Equal(pending, context.Sent.Select(r => r.Message.Key));
        context.Mock.Verify(c => c.CallActivityAsync<SendResult>(
            nameof(MessageActivities.SendMessage),
            It.IsAny<object?>(),
            It.Is<TaskOptions?>(o => HasRetry(o))), Times.Exactly(pending.Count));
        // Only the look for inputs that arrived meanwhile, which does not block: the execution continues as new at once.
        context.Mock.Verify(c => c.WaitForExternalEvent<TimelineInput>(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.NotNull(context.ContinuedWith);
    }

    [Fact]
    public async Task RunAsync_MessageSent_RecordsTheProviderIdBeforeSaving()
    {
        var order = OrderBuilder.Skincare().Build();
        var context = new OrchestrationContextMock(order.PlacedAt);

        await OrderTimelineOrchestration.RunAsync(context.Object, new TimelineRun(null, new OrderPlaced(order), Policy, Retry));

        var saved = Assert.Single(context.Saved);
        var confirmation = saved.Messages.Single(m => m.Intent == Intent.OrderConfirmation);
        Assert.Equal(MessageStatus.Sent, confirmation.Status);
        Assert.Equal("SM1", confirmation.ProviderMessageId);
    }

    [Fact]
    public async Task RunAsync_AfterAnInput_SavesOnceAndContinuesAsNewWithTheNewStateKeepingUnprocessedEvents()
    {
        var state = PlacedAndConfirmed(out var order);
        var context = new OrchestrationContextMock(order.PlacedAt.AddHours(2));
        context.RaiseEvent(new ShipmentRegistered(new ShipmentRef("postnl", "3SABCD1234567")));

        await OrderTimelineOrchestration.RunAsync(context.Object, Waiting(state));

        var saved = Assert.Single(context.Saved);
        var continued = context.ContinuedWith!;
        Assert.Same(saved, continued.State);
        Assert.Null(continued.Next);
        Assert.Same(Policy, continued.Policy);
        Assert.Equal(Retry, continued.Retry);
        Assert.True(continued.State!.Version > state.Version);
        Assert.True(context.PreservedEvents);
    }

    [Fact]
    public async Task RunAsync_TimelineCompletes_SendsSavesAndStopsWithoutContinuing()
    {
        var state = PlacedAndConfirmed(out var order);
        var context = new OrchestrationContextMock(order.PlacedAt.AddHours(2));
        context.RaiseEvent(new OrderCancelled("merchant"));

        await OrderTimelineOrchestration.RunAsync(context.Object, Waiting(state));

        Assert.Equal(Intent.CancellationConfirmed, Assert.Single(context.Sent).Message.Intent);
        Assert.True(Assert.Single(context.Saved).Completed);
        context.Mock.Verify(c => c.ContinueAsNew(It.IsAny<object?>(), It.IsAny<bool>()), Times.Never);
    }

    [Fact]
    public async Task RunAsync_EventArrivesDuringTheWakeUp_AppliesItInTheSameExecution()
    {
        var state = PlacedAndConfirmed(out _);
        var context = new OrchestrationContextMock(state.NextWakeAt!.Value);
        context.FireTimer();
        // The event lands while the wake-up's alert is being sent, on the wait the timer race left open.
        context.Mock.Setup(c => c.CallActivityAsync<SendResult>(nameof(MessageActivities.SendMessage), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback(() => context.RaiseEvent(new ShipmentRegistered(new ShipmentRef("postnl", "3SABCD1234567"))))
            .ReturnsAsync(SendResult.Sent("SM1"));

        await OrderTimelineOrchestration.RunAsync(context.Object, Waiting(state));

        Assert.Equal(2, context.Saved.Count());
        Assert.Single(context.ContinuedWith!.State!.Parcels);
    }

    [Fact]
    public async Task RunAsync_EventArrivesWhileAnotherIsApplied_AppliesBothBeforeContinuingAsNew()
    {
        var state = PlacedAndConfirmed(out var order);
        var context = new OrchestrationContextMock(order.PlacedAt.AddHours(2));
        var parcel = new ShipmentRef("postnl", "3SABCD1234567");
        context.RaiseEvent(new ShipmentRegistered(parcel));
        // The second input lands while the first one's read model is saved: no wait is open, so the context buffers it.
        context.Mock.Setup(c => c.CallActivityAsync(nameof(MessageActivities.SaveReadModel), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback<TaskName, object?, TaskOptions?>((name, input, _) =>
            {
                if (context.Activities.Count == 0)
                {
                    context.RaiseEvent(new OrderCancelled("merchant"));
                }
                context.Activities.Add((name.Name, input));
            })
            .Returns(Task.CompletedTask);

        await OrderTimelineOrchestration.RunAsync(context.Object, Waiting(state));

        // Applied here, not left to ContinueAsNew's carry-over: the cancellation completes the timeline in this execution.
        Assert.Equal(2, context.Saved.Count());
        Assert.True(context.Saved.Last().Completed);
        Assert.Single(context.Saved.Last().Parcels);
        context.Mock.Verify(c => c.ContinueAsNew(It.IsAny<object?>(), It.IsAny<bool>()), Times.Never);
    }

    [Fact]
    public async Task RunAsync_DecisionSuppressesAMessage_SendsOnlyThePendingOnes()
    {
        var order = OrderBuilder.Skincare().WithConsent(new ConsentGrant(Sms: false, WhatsApp: false)).Build();
        var context = new OrchestrationContextMock(order.PlacedAt.AddHours(30));
        var parcel = new ShipmentRef("postnl", "3SABCD1234567");
        context.RaiseEvent(new TrackingUpdated(new TrackingEvent(
            "aftership", "evt-1", parcel.Carrier, parcel.TrackingNumber, TrackingStatus.InTransit, "InTransit", order.PlacedAt.AddHours(29))));

        await OrderTimelineOrchestration.RunAsync(context.Object, new TimelineRun(null, new OrderPlaced(order with { Shipments = [parcel] }), Policy, Retry));

        var state = context.ContinuedWith!.State!;
        Assert.Contains(state.Messages, m => m.Intent == Intent.Shipped && m.Status == MessageStatus.Suppressed);
        Assert.Equal(
            state.Messages.Where(m => m.Status == MessageStatus.Sent).Select(m => m.Key).Order(StringComparer.Ordinal),
            context.Sent.Select(r => r.Message.Key).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(context.Sent, r => r.Message.Status != MessageStatus.Pending);
    }
}
