using Microsoft.DurableTask;
using Moq;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Functions.Tests.Support;
using PostPurchase.Functions.Timeline;
using PostPurchase.Testing;
using static PostPurchase.Functions.Tests.Support.TimelineRuns;

namespace PostPurchase.Functions.Tests.Timeline;

/// <summary>How a studio settings version reaches a running orchestration: an activity after each wait, recorded for replays.</summary>
public sealed class OrderTimelineSettingsTests
{
    private static TrackingUpdated FirstScan(DateTimeOffset at) =>
        new(new TrackingEvent("aftership", Some.EventId(), "postnl", "3SSTUDIO1", TrackingStatus.InTransit, "InTransit", at));

    [Fact]
    public async Task RunAsync_NewerVersionAfterTheWait_DecidesWithItAndCarriesIt()
    {
        var state = PlacedAndConfirmed(out var order);
        var context = new OrchestrationContextMock(order.PlacedAt.AddHours(3));
        var newer = TimelinePolicy.Default with { ChannelsOff = [new ChannelSwitch(Intent.Shipped, Channel.Sms)], SettingsVersion = 7 };
        context.Mock.Setup(c => c.CallActivityAsync<SettingsRefresh>(nameof(SettingsActivities.LoadSettings), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ReturnsAsync(new SettingsRefresh(newer));
        context.RaiseEvent(FirstScan(order.PlacedAt.AddHours(2)));

        await OrderTimelineOrchestration.RunAsync(context.Object, Waiting(state));

        context.Mock.Verify(c => c.CallActivityAsync<SettingsRefresh>(nameof(SettingsActivities.LoadSettings), (int?)null, It.IsAny<TaskOptions?>()), Times.Once);
        var shipped = context.ContinuedWith!.State!.Messages.Where(m => m.Intent == Intent.Shipped).ToList();
        Assert.DoesNotContain(shipped, m => m.Channel == Channel.Sms);
        Assert.All(shipped, m => Assert.Equal(7, m.SettingsVersion));
        Assert.Equal(7, context.ContinuedWith.Policy.SettingsVersion);
    }

    [Fact]
    public async Task RunAsync_SettingsCannotBeRead_DecidesWithTheKnownVersion()
    {
        var state = PlacedAndConfirmed(out var order);
        var context = new OrchestrationContextMock(order.PlacedAt.AddHours(3));
        context.Mock.Setup(c => c.CallActivityAsync<SettingsRefresh>(nameof(SettingsActivities.LoadSettings), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ThrowsAsync(new TaskFailedException(nameof(SettingsActivities.LoadSettings), 1, new InvalidOperationException("storage unavailable")));
        context.RaiseEvent(FirstScan(order.PlacedAt.AddHours(2)));

        await OrderTimelineOrchestration.RunAsync(context.Object, Waiting(state));

        Assert.Contains(context.ContinuedWith!.State!.Messages, m => m.Intent == Intent.Shipped && m.Channel == Channel.Sms);
        Assert.Same(Waiting(state).Policy, context.ContinuedWith.Policy);
    }

    [Fact]
    public async Task RunAsync_FirstExecution_UsesTheIntakeVersionWithoutAsking()
    {
        PlacedAndConfirmed(out var order);
        var context = new OrchestrationContextMock(order.PlacedAt);

        await OrderTimelineOrchestration.RunAsync(context.Object, new TimelineRun(null, new OrderPlaced(order), Policy, Retry));

        context.Mock.Verify(c => c.CallActivityAsync<SettingsRefresh>(nameof(SettingsActivities.LoadSettings), It.IsAny<object?>(), It.IsAny<TaskOptions?>()), Times.Never);
    }
}
