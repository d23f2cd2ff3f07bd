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

/// <summary>What the orchestrator does when an input is refused or an activity fails: the timeline keeps going.</summary>
public sealed class OrderTimelineOrchestrationFailureTests
{
    [Fact]
    public async Task RunAsync_InputTheDeciderRejects_KeepsTheStateAndContinues()
    {
        var state = PlacedAndConfirmed(out var order);
        var context = new OrchestrationContextMock(order.PlacedAt.AddHours(2));
        context.RaiseEvent(new MessageStatusChanged("no-such-message", MessageStatus.Delivered));

        await OrderTimelineOrchestration.RunAsync(context.Object, Waiting(state));

        Assert.Empty(context.Sent);
        Assert.Equal(state.Version, context.ContinuedWith!.State!.Version);
    }

    [Fact]
    public async Task RunAsync_ProviderRefusesTheMessage_RecordsItAsFailedWithTheError()
    {
        var order = OrderBuilder.Skincare().Build();
        var context = new OrchestrationContextMock(order.PlacedAt);
        context.Mock.Setup(c => c.CallActivityAsync<SendResult>(nameof(MessageActivities.SendMessage), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ReturnsAsync(new SendResult(SendOutcome.Failed, Error: "Invalid address"));

        await OrderTimelineOrchestration.RunAsync(context.Object, new TimelineRun(null, new OrderPlaced(order), Policy, Retry));

        var confirmation = Assert.Single(context.Saved).Messages.Single(m => m.Intent == Intent.OrderConfirmation);
        Assert.Equal(MessageStatus.Failed, confirmation.Status);
        Assert.Equal("Invalid address", confirmation.Error);
    }

    [Fact]
    public async Task RunAsync_SendFailsAfterEveryRetry_RecordsTheMessageAsFailedAndContinues()
    {
        var order = OrderBuilder.Skincare().Build();
        var context = new OrchestrationContextMock(order.PlacedAt);
        context.Mock.Setup(c => c.CallActivityAsync<SendResult>(nameof(MessageActivities.SendMessage), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ThrowsAsync(new TaskFailedException(nameof(MessageActivities.SendMessage), 1, new InvalidOperationException("acs asked to retry later")));

        await OrderTimelineOrchestration.RunAsync(context.Object, new TimelineRun(null, new OrderPlaced(order), Policy, Retry));

        var confirmation = context.ContinuedWith!.State!.Messages.Single(m => m.Intent == Intent.OrderConfirmation);
        Assert.Equal(MessageStatus.Failed, confirmation.Status);
        Assert.Contains("acs asked to retry later", confirmation.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SaveFailsAfterEveryRetry_StillContinuesWithTheNewState()
    {
        var state = PlacedAndConfirmed(out var order);
        var context = new OrchestrationContextMock(order.PlacedAt.AddHours(2));
        context.RaiseEvent(new ShipmentRegistered(new ShipmentRef("postnl", "3SABCD1234567")));
        context.Mock.Setup(c => c.CallActivityAsync(nameof(MessageActivities.SaveReadModel), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ThrowsAsync(new TaskFailedException(nameof(MessageActivities.SaveReadModel), 1, new InvalidOperationException("storage unavailable")));

        await OrderTimelineOrchestration.RunAsync(context.Object, Waiting(state));

        Assert.Single(context.ContinuedWith!.State!.Parcels);
    }
}
