using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Functions.Tests.Support;
using PostPurchase.Functions.Timeline;
using PostPurchase.Testing;
using static PostPurchase.Functions.Tests.Support.TimelineRuns;

namespace PostPurchase.Functions.Tests.Timeline;

/// <summary>How a studio settings version reaches a running orchestration: the commit of a decision made with an older version is refused with the newer policy.</summary>
public sealed class OrderTimelineSettingsTests
{
    private static readonly TimelinePolicy Newer = Policy with { ChannelsOff = [new ChannelSwitch(Intent.Shipped, Channel.Sms)], SettingsVersion = 7 };

    private static TrackingUpdated Scan(DateTimeOffset at, TrackingStatus status = TrackingStatus.InTransit) =>
        new(new TrackingEvent("aftership", Some.EventId(), "postnl", "3SSTUDIO1", status, status.ToString(), at));

    [Fact]
    public void RunAsync_NewerVersionInForce_RefusedCommitThenDecidesAgainWithItAndCommitsOnce()
    {
        var state = PlacedAndConfirmed(out var order);
        var context = new OrchestrationContextMock(order.PlacedAt.AddHours(3)) { SettingsInForce = Newer };
        context.Start(Waiting(state));

        context.RaiseEvent(Scan(order.PlacedAt.AddHours(2)));

        Assert.Equal(2, context.Commits.Count);
        var refused = context.Commits[0];
        Assert.True(refused.CheckSettings);
        Assert.Null(refused.SettingsVersion);
        Assert.Contains(refused.Send, m => m.Intent == Intent.Shipped && m.Channel == Channel.Sms);
        var committed = context.Commits[1];
        Assert.Equal(7, committed.SettingsVersion);
        Assert.False(committed.CheckSettings);
        var shipped = committed.Send.Where(m => m.Intent == Intent.Shipped).ToList();
        Assert.NotEmpty(shipped);
        Assert.DoesNotContain(shipped, m => m.Channel == Channel.Sms);
        Assert.All(shipped, m => Assert.Equal(7, m.SettingsVersion));
    }

    [Fact]
    public void RunAsync_VersionLearnedFromARefusal_NextInputsDecideWithItAndContinueAsNewWithIt()
    {
        var state = PlacedAndConfirmed(out var order);
        var context = new OrchestrationContextMock(order.PlacedAt.AddHours(3)) { SettingsInForce = Newer };
        var running = context.Start(Waiting(state));
        context.RaiseEvent(Scan(order.PlacedAt.AddHours(2)));
        var afterFirst = context.Commits.Count;

        for (var i = 1; i < OrderTimelineOrchestration.InputsBeforeContinuing; i++)
        {
            context.RaiseEvent(new ConsentChanged(ConsentSubjects.Sms, i % 2 == 1, "buyer"));
        }

        Assert.True(running.IsCompletedSuccessfully);
        var later = context.Commits.Skip(afterFirst).ToList();
        Assert.Equal(OrderTimelineOrchestration.InputsBeforeContinuing - 1, later.Count);
        Assert.All(later, c => Assert.True(c.CheckSettings && c.SettingsVersion == 7, "asked with the version learned, never refused again"));
        Assert.Equal(7, context.ContinuedWith!.Policy.SettingsVersion);
    }

    [Fact]
    public void RunAsync_SameVersionInForce_EveryInputCostsOneCommitAndNoOtherActivity()
    {
        var state = PlacedAndConfirmed(out var order);
        var run = Waiting(state) with { Policy = Policy with { SettingsVersion = 3 } };
        var context = new OrchestrationContextMock(order.PlacedAt.AddHours(3)) { SettingsInForce = run.Policy };
        context.Start(run);

        context.RaiseEvent(Scan(order.PlacedAt.AddHours(2)));
        context.RaiseEvent(Scan(order.PlacedAt.AddHours(3), TrackingStatus.OutForDelivery));

        Assert.Equal(2, context.Commits.Count);
        Assert.All(context.Commits, c => Assert.True(c.CheckSettings && c.SettingsVersion == 3));
        Assert.Empty(context.Activities);
        Assert.Contains(context.Commits[0].Send, m => m.Intent == Intent.Shipped && m.Channel == Channel.Sms);
    }
}
