using Microsoft.DurableTask;
using Moq;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Timeline;
using PostPurchase.Functions.Tests.Support;
using PostPurchase.Functions.Timeline;
using PostPurchase.Infrastructure.Channels;
using PostPurchase.Testing;
using static PostPurchase.Functions.Tests.Support.TimelineRuns;

namespace PostPurchase.Functions.Tests.Timeline;

/// <summary>What the orchestrator does when an input is refused or part of a commit fails: only that part is retried, the timeline keeps going.</summary>
public sealed class OrderTimelineOrchestrationFailureTests
{
    [Fact]
    public void RunAsync_InputTheDeciderRejects_KeepsTheStateAndTakesTheNextInput()
    {
        var state = PlacedAndConfirmed(out var order);
        var context = new OrchestrationContextMock(order.PlacedAt.AddHours(2));
        var running = context.Start(Waiting(state));

        context.RaiseEvent(new MessageStatusChanged("no-such-message", MessageStatus.Delivered));

        Assert.Empty(context.Commits);
        Assert.False(running.IsCompleted);
        context.RaiseEvent(new ShipmentRegistered(new ShipmentRef("postnl", "3SABCD1234567")));
        Assert.Equal(state.Version + 1, Assert.Single(context.Commits).State.Version);
    }

    [Fact]
    public void RunAsync_ProviderRefusesTheMessage_RecordsItAsFailedWithTheErrorAndTellsTheMerchant()
    {
        var order = OrderBuilder.Skincare().Build();
        var context = new OrchestrationContextMock(order.PlacedAt)
        {
            Answer = m => m.Intent == Intent.OrderConfirmation && m.Channel == Channel.Email
                ? new SendResult(SendOutcome.Failed, Error: "Invalid address")
                : SendResult.Sent("SM1"),
        };

        context.Start(new TimelineRun(null, new OrderPlaced(order), Policy, Retry));

        // The failure is a decision of its own (it raises a message-failed signal), so it is committed and saved.
        var last = context.Commits[^1];
        var confirmation = last.State.Messages.Single(m => m.Intent == Intent.OrderConfirmation && m.Channel == Channel.Email);
        Assert.Equal(MessageStatus.Failed, confirmation.Status);
        Assert.Equal("Invalid address", confirmation.Error);
        Assert.NotEmpty(last.Signals);
        Assert.Empty(context.Retried);
    }

    [Fact]
    public void RunAsync_ProviderAsksToRetry_WaitsTheFirstIntervalThenSendsThatMessageAloneUnderTheRetryPolicy()
    {
        var order = OrderBuilder.Skincare().Build();
        var context = new OrchestrationContextMock(order.PlacedAt) { Answer = _ => new SendResult(SendOutcome.Retry, Error: "429 Too Many Requests") };
        context.Start(new TimelineRun(null, new OrderPlaced(order), Policy, Retry));
        var putOff = Assert.Single(context.Commits).Send;
        Assert.Empty(context.Retried);
        Assert.Equal([order.PlacedAt.UtcDateTime + Retry.FirstInterval], context.PendingTimers.Where(t => t < order.PlacedAt.UtcDateTime.AddHours(1)));

        context.FireTimer(order.PlacedAt.UtcDateTime + Retry.FirstInterval);

        Assert.Equal(putOff.Select(m => m.Key), context.Retried.Select(r => r.Message.Key));
        // The commit was the first attempt: the single-message activity gets the attempts that remain.
        context.Mock.Verify(c => c.CallActivityAsync<SendResult>(nameof(MessageActivities.SendMessage), It.IsAny<object?>(),
            It.Is<TaskOptions?>(o => o!.Retry!.Policy!.MaxNumberOfAttempts == Retry.MaxAttempts - 1 && o.Retry.Policy.FirstRetryInterval == Retry.FirstInterval)),
            Times.Exactly(putOff.Count));
        context.RaiseEvent(new ShipmentRegistered(new ShipmentRef("postnl", "3SABCD1234567")));
        Assert.StartsWith("SM-retry", context.Commits[^1].State.Messages.Single(m => m.Intent == Intent.OrderConfirmation && m.Channel == Channel.Email).ProviderMessageId, StringComparison.Ordinal);
    }

    [Fact]
    public void RunAsync_SendFailsAfterEveryRetry_RecordsTheMessageAsFailedAndContinues()
    {
        var order = OrderBuilder.Skincare().Build();
        var context = new OrchestrationContextMock(order.PlacedAt) { Answer = _ => new SendResult(SendOutcome.Retry, Error: "acs asked to retry later") };
        context.Mock.Setup(c => c.CallActivityAsync<SendResult>(nameof(MessageActivities.SendMessage), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ThrowsAsync(new TaskFailedException(nameof(MessageActivities.SendMessage), 1, new InvalidOperationException("acs asked to retry later")));
        var running = context.Start(new TimelineRun(null, new OrderPlaced(order), Policy, Retry));

        context.FireTimer(order.PlacedAt.UtcDateTime + Retry.FirstInterval);

        var confirmation = context.Commits[^1].State.Messages.Single(m => m.Intent == Intent.OrderConfirmation && m.Channel == Channel.Email);
        Assert.Equal(MessageStatus.Failed, confirmation.Status);
        Assert.Contains("acs asked to retry later", confirmation.Error, StringComparison.Ordinal);
        Assert.False(running.IsFaulted);
    }

    [Fact]
    public void RunAsync_SignalNotPublished_PublishesEachSignalAgainUnderTheRetryPolicy()
    {
        var order = OrderBuilder.Skincare().Build();
        var context = new OrchestrationContextMock(order.PlacedAt)
        {
            Answer = _ => new SendResult(SendOutcome.Failed, Error: "Invalid address"),
            SignalError = "merchant webhook log unavailable",
        };

        context.Start(new TimelineRun(null, new OrderPlaced(order), Policy, Retry));

        var signals = context.Commits.SelectMany(c => c.Signals).ToList();
        Assert.NotEmpty(signals);
        Assert.Equal(signals, context.Activities.Where(a => a.Name == nameof(SignalActivities.PublishSignal)).Select(a => (MerchantSignal)a.Input!));
        context.Mock.Verify(c => c.CallActivityAsync(nameof(SignalActivities.PublishSignal), It.IsAny<object?>(), It.Is<TaskOptions?>(o => HasRetry(o))), Times.Exactly(signals.Count));
    }

    [Fact]
    public void RunAsync_CommitCouldNotSave_SavesAgainUnderTheRetryPolicy()
    {
        var state = PlacedAndConfirmed(out var order);
        var context = new OrchestrationContextMock(order.PlacedAt.AddHours(2)) { SaveError = "storage unavailable" };
        context.Start(Waiting(state));

        context.RaiseEvent(new ShipmentRegistered(new ShipmentRef("postnl", "3SABCD1234567")));

        var (name, input) = Assert.Single(context.Activities);
        Assert.Equal(nameof(MessageActivities.SaveReadModel), name);
        Assert.Single(((TimelineState)input!).Parcels);
        context.Mock.Verify(c => c.CallActivityAsync(nameof(MessageActivities.SaveReadModel), It.IsAny<object?>(), It.Is<TaskOptions?>(o => HasRetry(o))), Times.Once);
    }

    [Fact]
    public void RunAsync_SaveFailsAfterEveryRetry_StillTakesTheNextInput()
    {
        var state = PlacedAndConfirmed(out var order);
        var context = new OrchestrationContextMock(order.PlacedAt.AddHours(2)) { SaveError = "storage unavailable" };
        context.Mock.Setup(c => c.CallActivityAsync(nameof(MessageActivities.SaveReadModel), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ThrowsAsync(new TaskFailedException(nameof(MessageActivities.SaveReadModel), 1, new InvalidOperationException("storage unavailable")));
        var running = context.Start(Waiting(state));

        context.RaiseEvent(new ShipmentRegistered(new ShipmentRef("postnl", "3SABCD1234567")));
        context.RaiseEvent(new OrderCancelled("merchant"));

        Assert.True(running.IsCompletedSuccessfully);
        Assert.Single(context.Latest.Parcels);
        Assert.True(context.Latest.Completed || context.Latest.Status == OrderStatus.Cancelled);
    }

    [Fact]
    public void RunAsync_CommitActivityFailsAsAWhole_FallsBackToEachStepUnderTheRetryPolicy()
    {
        var order = OrderBuilder.Skincare().Build();
        var context = new OrchestrationContextMock(order.PlacedAt);
        context.Mock.Setup(c => c.CallActivityAsync<CommitResult>(nameof(MessageActivities.CommitDecision), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ThrowsAsync(new TaskFailedException(nameof(MessageActivities.CommitDecision), 1, new InvalidOperationException("worker lost")));
        context.Start(new TimelineRun(null, new OrderPlaced(order), Policy, Retry));

        context.FireTimer(order.PlacedAt.UtcDateTime + Retry.FirstInterval);

        Assert.Contains(context.Retried, r => r.Message.Intent == Intent.OrderConfirmation);
        Assert.Contains(context.Activities, a => a.Name == nameof(MessageActivities.SaveReadModel));
    }
}
