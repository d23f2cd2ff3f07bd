using PostPurchase.Core.Policies;
using PostPurchase.Core.Studio;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Testing;

namespace PostPurchase.Core.Tests.Timeline;

/// <summary>What a new settings version changes for orders already running (docs/studio.md, "What applies to running orders").</summary>
public class SettingsVersionTests
{
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, Cet);
    private static readonly DateTimeOffset Wednesday = new(2026, 3, 4, 14, 0, 0, Cet);

    private static TimelinePolicy Version(int version, int skincareDays = 28, bool shippedSms = true) =>
        ChannelFlows.With(TimelinePolicy.Default, new Dictionary<(Intent, Channel), bool> { [(Intent.Shipped, Channel.Sms)] = shippedSms }) with
        {
            Review = TimelinePolicy.Default.Review with { CategoryDays = new(StringComparer.OrdinalIgnoreCase) { ["skincare"] = skincareDays } },
            SettingsVersion = version,
        };

    private static TimelineDriver Placed(TimelinePolicy policy) =>
        TimelineDriver.Place(OrderBuilder.Skincare().PlacedAt(Monday).WithShipment("postnl", "3SONE").Build(), policy);

    [Fact]
    public void Decide_SmsSwitchedOffBeforeShipping_NoShippedSmsPlanned()
    {
        var timeline = Placed(Version(1));
        timeline.Policy = Version(2, shippedSms: false);

        timeline.Scan(Monday.AddHours(20), TrackingStatus.InTransit);

        Assert.Equal([Channel.Email], timeline.SentOf(Intent.Shipped).Select(m => m.Channel));
        Assert.Equal([Channel.Email, Channel.WhatsApp], timeline.State.Messages.Where(m => m.Intent == Intent.Shipped).Select(m => m.Channel).Order());
    }

    [Fact]
    public void Decide_EveryMessage_StampedWithTheVersionThatSetItsStatus()
    {
        var timeline = Placed(Version(1));
        timeline.Policy = Version(2);
        timeline.Scan(Monday.AddHours(20), TrackingStatus.InTransit);

        Assert.Equal(1, timeline.Single(Intent.OrderConfirmation).SettingsVersion);
        Assert.All(timeline.SentOf(Intent.Shipped), m => Assert.Equal(2, m.SettingsVersion));
    }

    [Fact]
    public void Decide_ReviewDelayChangedAfterDelivery_ScheduledReviewKeepsItsTime()
    {
        var timeline = Placed(Version(1, skincareDays: 28));
        timeline.Scan(Monday.AddHours(20), TrackingStatus.InTransit);
        timeline.Scan(Wednesday, TrackingStatus.Delivered);

        timeline.Policy = Version(2, skincareDays: 7);
        timeline.RunToEnd();

        var review = timeline.Single(Intent.ReviewRequest);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 10, 0, 0, TimeSpan.FromHours(2)), timeline.SentAt[review.Key]);
    }

    [Fact]
    public void Decide_SurveyDelayPerCategory_SurveyAtThatDelayAndReviewAfterIt()
    {
        var policy = Version(3, skincareDays: 28) with { Csat = new CsatPolicy { CategoryDays = new() { ["Skincare"] = 14 } } };
        var timeline = Placed(policy);
        timeline.Scan(Monday.AddHours(20), TrackingStatus.InTransit);
        timeline.Scan(Wednesday, TrackingStatus.Delivered);

        timeline.RunToEnd();

        Assert.Equal(new DateTimeOffset(2026, 3, 18, 10, 0, 0, Cet), timeline.SentAt[timeline.Single(Intent.CsatSurvey).Key]);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 10, 0, 0, TimeSpan.FromHours(2)), timeline.SentAt[timeline.Single(Intent.ReviewRequest).Key]);
    }

    [Fact]
    public void Decide_ReviewDelayChangedBeforeDelivery_ReviewFollowsTheNewDelay()
    {
        var timeline = Placed(Version(1, skincareDays: 28));
        timeline.Scan(Monday.AddHours(20), TrackingStatus.InTransit);

        timeline.Policy = Version(2, skincareDays: 7);
        timeline.Scan(Wednesday, TrackingStatus.Delivered);
        timeline.RunToEnd();

        var review = timeline.Single(Intent.ReviewRequest);
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 10, 0, 0, Cet), timeline.SentAt[review.Key]);
        Assert.Equal(2, review.SettingsVersion);
    }
}
