using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Testing;

namespace PostPurchase.Core.Tests.Timeline;

public class FeedbackTests
{
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, Cet);
    private static readonly DateTimeOffset Wednesday = new(2026, 3, 4, 14, 0, 0, Cet);

    private static TimelineDriver Delivered(OrderBuilder builder, TimelinePolicy? policy = null)
    {
        var timeline = TimelineDriver.Place(builder.PlacedAt(Monday).WithShipment("postnl", "3SONE").Build(), policy);
        timeline.Scan(Monday.AddHours(20), TrackingStatus.InTransit);
        timeline.Scan(Wednesday, TrackingStatus.Delivered);
        return timeline;
    }

    [Fact]
    public void Decide_LowCsat_NoReviewAndSupportFollowUp()
    {
        var timeline = Delivered(OrderBuilder.Apparel());
        timeline.RunUntil(new DateTimeOffset(2026, 3, 6, 10, 0, 0, Cet));
        Assert.Single(timeline.SentOf(Intent.CsatSurvey));

        var answer = timeline.At(new DateTimeOffset(2026, 3, 6, 12, 0, 0, Cet), new CsatAnswered(2, "Arrived crumpled"));
        timeline.RunToEnd();

        var review = Assert.Single(answer.Messages);
        Assert.Equal((Intent.ReviewRequest, MessageStatus.Suppressed, SuppressionReason.LowCsat), (review.Intent, review.Status, review.Reason));
        var signal = Assert.Single(answer.Signals);
        Assert.Equal(SignalKind.SupportFollowUp, signal.Kind);
        Assert.Equal("2", signal.Data["score"]);
        Assert.Equal("Arrived crumpled", signal.Data["comment"]);
        Assert.Empty(timeline.SentOf(Intent.ReviewRequest));
        Assert.True(timeline.State.Completed);
    }

    [Fact]
    public void Decide_HighCsat_ReviewFollowsAtItsTime()
    {
        var timeline = Delivered(OrderBuilder.Apparel());
        timeline.At(new DateTimeOffset(2026, 3, 6, 12, 0, 0, Cet), new CsatAnswered(5));

        timeline.RunToEnd();

        Assert.Equal(new DateTimeOffset(2026, 3, 11, 10, 0, 0, Cet), timeline.SentAt[timeline.Single(Intent.ReviewRequest).Key]);
        Assert.DoesNotContain(timeline.Signals, s => s.Kind == SignalKind.SupportFollowUp);
    }

    [Fact]
    public void Decide_CsatAnsweredBeforeSurvey_SurveySupersededAndSecondAnswerIgnored()
    {
        var timeline = Delivered(OrderBuilder.Apparel());

        var first = timeline.At(Wednesday.AddHours(2), new CsatAnswered(4));
        var second = timeline.At(Wednesday.AddHours(3), new CsatAnswered(1));

        Assert.Contains(first.Messages, m => m.Intent == Intent.CsatSurvey && m.Reason == SuppressionReason.Superseded);
        Assert.Empty(second.Signals);
        Assert.Equal(4, timeline.State.CsatScore);
    }

    [Fact]
    public void Decide_CsatScoreOutOfRange_Throws()
    {
        var timeline = Delivered(OrderBuilder.Apparel());
        Assert.Throws<ArgumentOutOfRangeException>(() => OrderTimeline.Decide(timeline.State, new CsatAnswered(6), Wednesday, timeline.Policy));
    }

    [Fact]
    public void Decide_CsatDisabled_ReviewOnlyAtCategoryDelay()
    {
        var timeline = Delivered(OrderBuilder.Electronics(), TimelinePolicy.Default with { Csat = new CsatPolicy { Enabled = false } });

        timeline.RunToEnd();

        Assert.Empty(timeline.SentOf(Intent.CsatSurvey));
        Assert.Equal(new DateTimeOffset(2026, 3, 18, 10, 0, 0, Cet), timeline.SentAt[timeline.Single(Intent.ReviewRequest).Key]);
    }

    [Fact]
    public void Decide_MixedOrder_OneRequestAtTheLongestDelayAskingAboutEveryItem()
    {
        var timeline = Delivered(OrderBuilder.Apparel().WithItem("SERUM-30", "Serum", "Beauty > Skincare", 1, 30m));

        timeline.RunToEnd();

        var review = timeline.Single(Intent.ReviewRequest);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 10, 0, 0, TimeSpan.FromHours(2)), timeline.SentAt[review.Key]);
        Assert.Equal("TEE-M-BLK,SERUM-30", review.Facts!["skus"]);
    }

    [Fact]
    public void Decide_SkuOverrideShorterThanSurvey_ReviewStillADayAfterSurvey()
    {
        var policy = TimelinePolicy.Default with { Review = new ReviewPolicy { SkuDays = new() { ["TEE-M-BLK"] = 1 } } };
        var timeline = Delivered(OrderBuilder.Apparel(), policy);

        timeline.RunToEnd();

        Assert.Equal(new DateTimeOffset(2026, 3, 6, 10, 0, 0, Cet), timeline.SentAt[timeline.Single(Intent.CsatSurvey).Key]);
        Assert.Equal(new DateTimeOffset(2026, 3, 7, 10, 0, 0, Cet), timeline.SentAt[timeline.Single(Intent.ReviewRequest).Key]);
    }

    [Fact]
    public void Decide_ReminderOn_OneReminderDaysAfterRequestUnlessLinkUsed()
    {
        var policy = TimelinePolicy.Default with { Review = new ReviewPolicy { ReminderAfterDays = 5 } };
        var timeline = Delivered(OrderBuilder.Apparel(), policy);
        var used = Delivered(OrderBuilder.Apparel(), policy);

        timeline.RunToEnd();
        used.RunUntil(new DateTimeOffset(2026, 3, 12, 9, 0, 0, Cet));
        var click = used.At(new DateTimeOffset(2026, 3, 12, 9, 0, 0, Cet), new ReviewLinkUsed());
        used.RunToEnd();

        Assert.Equal(new DateTimeOffset(2026, 3, 16, 10, 0, 0, Cet), timeline.SentAt[timeline.Single(Intent.ReviewReminder).Key]);
        Assert.Equal("TEE-M-BLK", timeline.Single(Intent.ReviewReminder).Facts!["skus"]);
        Assert.Empty(used.SentOf(Intent.ReviewReminder));
        Assert.Contains(click.Messages, m => m.Intent == Intent.ReviewReminder && m.Reason == SuppressionReason.Superseded);
    }

    [Fact]
    public void Decide_ReminderOffByDefault_NoReminder()
    {
        var timeline = Delivered(OrderBuilder.Apparel());
        timeline.RunToEnd();
        Assert.Empty(timeline.SentOf(Intent.ReviewReminder));
    }

    [Fact]
    public void Decide_NoDeliveredScanEver_FallsBackToDeliverByPlusGrace()
    {
        var order = OrderBuilder.Apparel().PlacedAt(Monday).WithShipment("postnl", "3SONE").Build();
        var timeline = TimelineDriver.Place(order);
        timeline.Scan(Monday.AddHours(20), TrackingStatus.InTransit);
        timeline.Scan(Monday.AddHours(44), TrackingStatus.OutForDelivery);

        timeline.RunToEnd();

        Assert.Equal(order.Promise.DeliverBy.AddDays(5), timeline.State.DeliveredAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 18, 10, 0, 0, Cet), timeline.SentAt[timeline.Single(Intent.ReviewRequest).Key]);
    }

    [Fact]
    public void Decide_NeverShipped_NoFallbackAndNoReview()
    {
        var timeline = TimelineDriver.Place(OrderBuilder.Apparel().PlacedAt(Monday).WithShipment("postnl", "3SONE").Build());

        timeline.RunUntil(Monday.AddDays(60));

        Assert.Null(timeline.State.DeliveredAt);
        Assert.Empty(timeline.SentOf(Intent.ReviewRequest));
        Assert.Null(timeline.State.NextWakeAt);
    }

    [Fact]
    public void Decide_ExceptionAfterDeliveryNeverSettled_ReviewSuppressedAsIssueOpen()
    {
        var timeline = Delivered(OrderBuilder.Apparel());
        timeline.Scan(Wednesday.AddHours(5), TrackingStatus.Exception);

        timeline.RunToEnd();

        Assert.Empty(timeline.SentOf(Intent.ReviewRequest));
        Assert.Contains(timeline.Suppressed, m => m.Intent == Intent.ReviewRequest && m.Reason == SuppressionReason.IssueOpen);
    }

    [Fact]
    public void Decide_ExceptionSettledLater_SurveyWaitsAndGoesTheDayAfter()
    {
        var timeline = Delivered(OrderBuilder.Apparel());
        timeline.Scan(Wednesday.AddHours(5), TrackingStatus.Exception);

        timeline.RunUntil(new DateTimeOffset(2026, 3, 8, 12, 0, 0, Cet));
        Assert.Empty(timeline.SentOf(Intent.CsatSurvey));
        timeline.Scan(new DateTimeOffset(2026, 3, 8, 13, 0, 0, Cet), TrackingStatus.Delivered);
        timeline.RunToEnd();

        Assert.Equal(new DateTimeOffset(2026, 3, 9, 10, 0, 0, Cet), timeline.SentAt[timeline.Single(Intent.CsatSurvey).Key]);
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 10, 0, 0, Cet), timeline.SentAt[timeline.Single(Intent.ReviewRequest).Key]);
        Assert.DoesNotContain(timeline.Suppressed, m => m.Reason == SuppressionReason.IssueOpen);
    }
}
