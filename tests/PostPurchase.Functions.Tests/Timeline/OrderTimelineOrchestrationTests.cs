using Microsoft.DurableTask;
using Moq;
using PostPurchase.Core.Orders;
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
    private static readonly ShipmentRef Parcel = new("postnl", "3SABCD1234567");

    [Fact]
    public void RunAsync_TimerWins_AppliesWakeUpAtTheWakeTimeAndArmsTheNextOne()
    {
        var state = PlacedAndConfirmed(out var order);
        var wakeAt = state.NextWakeAt!.Value;
        var context = new OrchestrationContextMock(order.PlacedAt.AddHours(1));
        context.Start(Waiting(state));

        context.FireTimer();

        Assert.Equal(wakeAt.UtcDateTime, context.TimersCreated[0]);
        // Not scanned by the ship-by date: the wake-up releases the delay alert, and the next wake-up is later.
        var sent = Assert.Single(context.Sent);
        Assert.Equal(Intent.DelayNotShipped, sent.Message.Intent);
        Assert.Equal(order.OrderId, sent.State.Order.OrderId);
        Assert.True(context.Latest.NextWakeAt > wakeAt);
        Assert.Equal([context.Latest.NextWakeAt!.Value.UtcDateTime], context.PendingTimers);
    }

    [Fact]
    public void RunAsync_EventWinsAndTheWakeUpStays_AppliesTheEventAndKeepsTheSameTimer()
    {
        var state = PlacedAndConfirmed(out var order);
        var context = new OrchestrationContextMock(order.PlacedAt.AddHours(2));
        context.Start(Waiting(state));

        context.RaiseEvent(new ShipmentRegistered(Parcel));

        Assert.Single(context.Latest.Parcels);
        Assert.Equal(state.NextWakeAt, context.Latest.NextWakeAt);
        // Every durable timer is a storage message that fires anyway: the pending one serves the same wake-up again.
        Assert.Equal([state.NextWakeAt!.Value.UtcDateTime], context.TimersCreated);
        Assert.Equal(context.TimersCreated, context.PendingTimers);
    }

    [Fact]
    public void RunAsync_WakeUpMovesLater_TheEarlierTimerFiringOnlyArmsTheNextWithoutADecision()
    {
        var state = PlacedAndConfirmed(out var order);
        var context = new OrchestrationContextMock(order.PlacedAt.AddHours(2));
        context.Start(Waiting(state));
        context.RaiseEvent(new ShipmentRegistered(Parcel));
        context.RaiseEvent(new TrackingUpdated(new TrackingEvent("aftership", "evt-1", Parcel.Carrier, Parcel.TrackingNumber, TrackingStatus.InTransit, "InTransit", order.PlacedAt.AddHours(2))));
        var moved = context.Latest.NextWakeAt!.Value;
        Assert.True(moved > state.NextWakeAt, "a scan puts the not-shipped check off");
        var commits = context.Commits.Count;

        context.FireTimer(state.NextWakeAt!.Value.UtcDateTime);

        Assert.Equal(commits, context.Commits.Count);
        Assert.Equal([state.NextWakeAt.Value.UtcDateTime, moved.UtcDateTime], context.TimersCreated);
        Assert.Equal([moved.UtcDateTime], context.PendingTimers);
    }

    [Fact]
    public void RunAsync_NothingScheduled_WaitsForTheEventWithoutATimer()
    {
        var state = PlacedAndConfirmed(out var order) with { NextWakeAt = null };
        var context = new OrchestrationContextMock(order.PlacedAt.AddHours(2));
        context.Start(Waiting(state));

        context.Mock.Verify(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()), Times.Never);
        context.RaiseEvent(new ShipmentRegistered(Parcel));
        Assert.Single(context.Latest.Parcels);
    }

    [Fact]
    public void RunAsync_FirstInput_CommitsEveryPendingMessageInOneActivityAndWaitsForTheNextInput()
    {
        var order = OrderBuilder.Skincare().Build();
        var pending = OrderTimeline.Decide(null, new OrderPlaced(order), order.PlacedAt, Policy).Messages
            .Where(m => m.Status == MessageStatus.Pending).Select(m => m.Key).ToList();
        var context = new OrchestrationContextMock(order.PlacedAt);

        var running = context.Start(new TimelineRun(null, new OrderPlaced(order), Policy, Retry));

        Assert.NotEmpty(pending);
        Assert.Equal(pending, Assert.Single(context.Commits).Send.Select(m => m.Key));
        context.Mock.Verify(c => c.CallActivityAsync<SendResult>(nameof(MessageActivities.SendMessage), It.IsAny<object?>(), It.IsAny<TaskOptions?>()), Times.Never);
        Assert.Empty(context.Activities);
        Assert.False(running.IsCompleted, "the execution waits for the next input instead of continuing as new");
        Assert.Null(context.ContinuedWith);
        // The send results are applied after the commit: the progress is a version further than the committed state.
        Assert.Equal(context.Latest.NextWakeAt, context.Progress!.NextWakeAt);
        Assert.True(context.Progress.Version > context.Latest.Version);
    }

    [Fact]
    public void RunAsync_MessageSent_TheNextCommitCarriesTheProviderId()
    {
        var order = OrderBuilder.Skincare().Build();
        var context = new OrchestrationContextMock(order.PlacedAt);
        context.Start(new TimelineRun(null, new OrderPlaced(order), Policy, Retry));
        Assert.Equal(MessageStatus.Pending, context.Latest.Messages.Single(m => m.Intent == Intent.OrderConfirmation).Status);

        context.RaiseEvent(new ShipmentRegistered(Parcel));

        var confirmation = context.Latest.Messages.Single(m => m.Intent == Intent.OrderConfirmation);
        Assert.Equal(MessageStatus.Sent, confirmation.Status);
        Assert.Equal("SM-OrderConfirmation", confirmation.ProviderMessageId);
        Assert.Equal(2, context.Commits.Count);
    }

    [Fact]
    public void RunAsync_ManyInputs_AppliesEachInTheSameExecutionCommittingOncePerDecision()
    {
        var state = PlacedAndConfirmed(out var order);
        var context = new OrchestrationContextMock(order.PlacedAt.AddHours(2));
        var running = context.Start(Waiting(state));

        context.RaiseEvent(new ShipmentRegistered(Parcel));
        context.RaiseEvent(new ConsentChanged(ConsentSubjects.Sms, false, "buyer"));
        context.RaiseEvent(new ConsentChanged(ConsentSubjects.Sms, true, "buyer"));

        Assert.Equal(3, context.Commits.Count);
        Assert.Equal(state.Version + 3, context.Latest.Version);
        Assert.False(running.IsCompleted);
        context.Mock.Verify(c => c.ContinueAsNew(It.IsAny<object?>(), It.IsAny<bool>()), Times.Never);
        Assert.Equal(context.Latest.NextWakeAt, context.Progress!.NextWakeAt);
    }

    [Fact]
    public void RunAsync_InputsReachTheBound_ContinuesAsNewWithTheStateKeepingUnprocessedEvents()
    {
        var state = PlacedAndConfirmed(out var order);
        var context = new OrchestrationContextMock(order.PlacedAt.AddHours(2));
        var running = context.Start(Waiting(state));

        for (var i = 0; i < OrderTimelineOrchestration.InputsBeforeContinuing; i++)
        {
            context.RaiseEvent(new ConsentChanged(ConsentSubjects.Sms, i % 2 == 1, "buyer"));
        }

        Assert.True(running.IsCompletedSuccessfully);
        var continued = context.ContinuedWith!;
        Assert.Same(context.Latest, continued.State);
        Assert.Equal(state.Version + OrderTimelineOrchestration.InputsBeforeContinuing, continued.State!.Version);
        Assert.Null(continued.Next);
        Assert.Same(Policy, continued.Policy);
        Assert.Equal(Retry, continued.Retry);
        Assert.True(context.PreservedEvents);
        Assert.Empty(context.PendingTimers);
    }

    [Fact]
    public void RunAsync_InputArrivesAsTheBoundIsReached_AppliesItBeforeContinuingAsNew()
    {
        var state = PlacedAndConfirmed(out var order);
        var context = new OrchestrationContextMock(order.PlacedAt.AddHours(2));
        context.Start(Waiting(state));
        // The last input's commit is running when the cancellation lands: no wait is open, so the context buffers it.
        context.OnCommit = request =>
        {
            if (context.Commits.Count == OrderTimelineOrchestration.InputsBeforeContinuing)
            {
                context.RaiseEvent(new OrderCancelled("merchant"));
            }
        };

        for (var i = 0; i < OrderTimelineOrchestration.InputsBeforeContinuing; i++)
        {
            context.RaiseEvent(new ConsentChanged(ConsentSubjects.Sms, i % 2 == 1, "buyer"));
        }

        // Applied here, not left to ContinueAsNew's carry-over: the cancellation completes the timeline in this execution.
        Assert.True(context.Saved.Last().Completed);
        context.Mock.Verify(c => c.ContinueAsNew(It.IsAny<object?>(), It.IsAny<bool>()), Times.Never);
    }

    [Fact]
    public void RunAsync_TimelineCompletes_SendsSavesCancelsItsTimerAndStops()
    {
        var state = PlacedAndConfirmed(out var order);
        var context = new OrchestrationContextMock(order.PlacedAt.AddHours(2));
        var running = context.Start(Waiting(state));

        context.RaiseEvent(new OrderCancelled("merchant"));

        Assert.True(running.IsCompletedSuccessfully);
        Assert.Equal(Intent.CancellationConfirmed, Assert.Single(context.Sent).Message.Intent);
        Assert.True(context.Saved.Last().Completed);
        Assert.Empty(context.PendingTimers);
        context.Mock.Verify(c => c.ContinueAsNew(It.IsAny<object?>(), It.IsAny<bool>()), Times.Never);
    }

    [Fact]
    public void RunAsync_EventArrivesDuringTheWakeUp_AppliesItOnTheWaitTheTimerLeftOpen()
    {
        var state = PlacedAndConfirmed(out _);
        var context = new OrchestrationContextMock(state.NextWakeAt!.Value.AddHours(-1));
        context.Start(Waiting(state));
        // The event lands while the wake-up's alert is being sent, on the wait the timer race left open.
        context.OnCommit = _ =>
        {
            if (context.Commits.Count == 1)
            {
                context.RaiseEvent(new ShipmentRegistered(Parcel));
            }
        };

        context.FireTimer();

        Assert.Equal(2, context.Commits.Count);
        Assert.Single(context.Latest.Parcels);
        Assert.Contains(context.Latest.Messages, m => m.Intent == Intent.DelayNotShipped);
    }

    [Fact]
    public void RunAsync_DecisionSuppressesAMessage_SendsOnlyThePendingOnes()
    {
        var order = OrderBuilder.Skincare().WithConsent(new ConsentGrant(Sms: false, WhatsApp: false)).Build();
        var context = new OrchestrationContextMock(order.PlacedAt.AddHours(30));
        context.Start(new TimelineRun(null, new OrderPlaced(order with { Shipments = [Parcel] }), Policy, Retry));

        context.RaiseEvent(new TrackingUpdated(new TrackingEvent(
            "aftership", "evt-1", Parcel.Carrier, Parcel.TrackingNumber, TrackingStatus.InTransit, "InTransit", order.PlacedAt.AddHours(29))));

        var state = context.Latest;
        Assert.Contains(state.Messages, m => m.Intent == Intent.Shipped && m.Status == MessageStatus.Suppressed);
        Assert.Equal(
            state.Messages.Where(m => m.Status is MessageStatus.Pending or MessageStatus.Sent).Select(m => m.Key).Order(StringComparer.Ordinal),
            context.Sent.Select(r => r.Message.Key).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(context.Sent, r => r.Message.Status != MessageStatus.Pending);
    }
}
