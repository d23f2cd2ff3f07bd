using System.Text.Json;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Testing;

namespace PostPurchase.Core.Tests.Timeline;

public class ResendTests
{
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, Cet);

    private static TimelineDriver Placed(TimelinePolicy? policy = null) =>
        TimelineDriver.Place(OrderBuilder.Apparel().PlacedAt(Monday).WithShipment("postnl", "3SONE").Build(), policy);

    private static MessageResendRequested Resend(string key, string requestId) => new(key, "dashboard") { RequestId = requestId };

    private static string Confirmation(TimelineDriver t) => MessageKey.For(t.State.Order.OrderId, Intent.OrderConfirmation, Channel.Email);

    [Fact]
    public void Decide_ResendConfirmation_NewPendingCopyUnderResendKey()
    {
        var timeline = Placed();
        var original = timeline.Single(Intent.OrderConfirmation);

        var decision = timeline.At(Monday.AddHours(3), Resend(original.Key, "r1"));

        var copy = Assert.Single(decision.Messages);
        Assert.Equal($"{original.Key}:resend-1", copy.Key);
        Assert.Equal(MessageStatus.Pending, copy.Status);
        Assert.Equal((original.Intent, original.Channel, original.To, original.Locale, original.Essential), (copy.Intent, copy.Channel, copy.To, copy.Locale, copy.Essential));
        Assert.Equal(Monday.AddHours(3), copy.DecidedAt);
        Assert.Equal(original.Key, copy.Facts!["resendOf"]);
        Assert.Equal("dashboard", copy.Facts["requestedBy"]);
        Assert.Equal(2, timeline.State.Messages.Count(m => m.Intent == Intent.OrderConfirmation));
        Assert.Equal(["r1"], timeline.State.ResendRequests);
    }

    [Fact]
    public void Decide_SameRequestTwice_OneResend()
    {
        var timeline = Placed();
        timeline.At(Monday.AddHours(1), Resend(Confirmation(timeline), "click-1"));

        var again = timeline.At(Monday.AddHours(1), Resend(Confirmation(timeline), "click-1"));

        Assert.Empty(again.Messages);
        Assert.Single(timeline.State.Messages, m => MessageKey.IsResend(m.Key));
    }

    [Fact]
    public void Decide_ResendOfAResend_NumberedFromTheOriginal()
    {
        var timeline = Placed();
        var first = Assert.Single(timeline.At(Monday.AddHours(1), Resend(Confirmation(timeline), "a")).Messages);

        var second = Assert.Single(timeline.At(Monday.AddHours(2), Resend(first.Key, "b")).Messages);

        Assert.Equal($"{Confirmation(timeline)}:resend-2", second.Key);
        Assert.Equal(Confirmation(timeline), second.Facts!["resendOf"]);
    }

    [Theory]
    [InlineData("PP-404:order-confirmation:email", "r1")]
    [InlineData("", "r1")]
    [InlineData("KEY", "")]
    public void Decide_UnknownKeyOrMissingRequestId_ThrowsAndStateUnchanged(string key, string requestId)
    {
        var timeline = Placed();
        var input = Resend(key == "KEY" ? Confirmation(timeline) : key, requestId);

        Assert.ThrowsAny<ArgumentException>(() => OrderTimeline.Decide(timeline.State, input, Monday.AddHours(1), timeline.Policy));
    }

    [Fact]
    public void Decide_ResendTextAfterStop_SuppressedOptedOut()
    {
        var timeline = Placed();
        var shipped = timeline.Scan(Monday.AddHours(2), TrackingStatus.InTransit).Messages.Single(m => m.Channel == Channel.Sms);
        timeline.At(Monday.AddHours(3), new ConsentChanged("sms", false, "sms-keyword"));

        var copy = Assert.Single(timeline.At(Monday.AddHours(4), Resend(shipped.Key, "r1")).Messages);

        Assert.Equal((MessageStatus.Suppressed, SuppressionReason.OptedOut), (copy.Status, copy.Reason));
    }

    [Fact]
    public void Decide_ResendTextAtNight_DeferredToMorningThenSent()
    {
        var timeline = Placed();
        var shipped = timeline.Scan(Monday.AddHours(2), TrackingStatus.InTransit).Messages.Single(m => m.Channel == Channel.Sms);

        var night = timeline.At(Monday.AddHours(14), Resend(shipped.Key, "r1"));

        Assert.Empty(night.Messages);
        var deferred = Assert.Single(timeline.State.Messages, m => MessageKey.IsResend(m.Key));
        Assert.Equal((MessageStatus.Scheduled, new DateTimeOffset(2026, 3, 3, 8, 0, 0, Cet)), (deferred.Status, deferred.ScheduledFor));
        timeline.RunUntil(Monday.AddDays(1));
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 8, 0, 0, Cet), timeline.SentAt[deferred.Key]);
    }

    [Fact]
    public void Decide_ResendOverDailyCap_SentAnyway()
    {
        var timeline = Placed(TimelinePolicy.Default with { FatigueCapPerDay = 1 });
        timeline.Scan(Monday.AddHours(1), TrackingStatus.InTransit);
        var capped = timeline.Scan(Monday.AddHours(2), TrackingStatus.OutForDelivery).Messages.Single(m => m.Channel == Channel.Email);
        Assert.Equal(SuppressionReason.FatigueCap, capped.Reason);

        var copy = Assert.Single(timeline.At(Monday.AddHours(3), Resend(capped.Key, "r1")).Messages);

        Assert.Equal(MessageStatus.Pending, copy.Status);
    }

    [Fact]
    public void Decide_ResendOnCancelledOrder_CancellationSentOthersSuppressed()
    {
        var timeline = Placed();
        timeline.At(Monday.AddHours(1), new OrderCancelled("merchant"));
        Assert.True(timeline.State.Completed);
        var cancellation = timeline.Single(Intent.CancellationConfirmed);

        var again = Assert.Single(timeline.At(Monday.AddHours(2), Resend(cancellation.Key, "r1")).Messages);
        var confirmation = Assert.Single(timeline.At(Monday.AddHours(2), Resend(Confirmation(timeline), "r2")).Messages);

        Assert.Equal(MessageStatus.Pending, again.Status);
        Assert.Equal((MessageStatus.Suppressed, SuppressionReason.Cancelled), (confirmation.Status, confirmation.Reason));
        Assert.True(timeline.State.Completed);
    }

    [Fact]
    public void Decide_ResendReviewAfterTimelineEnded_SuppressedSuperseded()
    {
        var timeline = Placed();
        timeline.Scan(Monday.AddHours(1), TrackingStatus.InTransit);
        timeline.Scan(Monday.AddDays(1), TrackingStatus.Delivered);
        timeline.RunToEnd();
        Assert.True(timeline.State.Completed);
        var review = timeline.Single(Intent.ReviewRequest);

        var copy = Assert.Single(timeline.At(timeline.Now.AddDays(1), Resend(review.Key, "r1")).Messages);

        Assert.Equal((MessageStatus.Suppressed, SuppressionReason.Superseded), (copy.Status, copy.Reason));
    }

    [Fact]
    public void Decide_ResendFailedMessage_CopyStartsClean()
    {
        var timeline = Placed();
        timeline.At(Monday.AddMinutes(5), new MessageStatusChanged(Confirmation(timeline), MessageStatus.Failed, "ACS-1", "550 mailbox unavailable"));

        var copy = Assert.Single(timeline.At(Monday.AddMinutes(10), Resend(Confirmation(timeline), "r1")).Messages);

        Assert.Equal((MessageStatus.Pending, (string?)null, (string?)null, (DateTimeOffset?)null), (copy.Status, copy.Error, copy.ProviderMessageId, copy.SentAt));
    }

    [Fact]
    public void Serialize_ResendInput_RoundTripsWithItsDiscriminator()
    {
        TimelineInput input = Resend("PP-1:order-confirmation:email", "r9");

        var json = JsonSerializer.Serialize(input, CoreJson.Options);

        Assert.Contains("\"type\":\"message-resend-requested\"", json, StringComparison.Ordinal);
        Assert.Equal(input, JsonSerializer.Deserialize<TimelineInput>(json, CoreJson.Options));
    }

    [Theory]
    [InlineData("PP-1:order-confirmation:email", "PP-1:order-confirmation:email", false)]
    [InlineData("PP-1:order-confirmation:email:resend-3", "PP-1:order-confirmation:email", true)]
    [InlineData("PP-1:shipped:3SONE:sms:resend-12", "PP-1:shipped:3SONE:sms", true)]
    [InlineData("PP-1:shipped:sms:resend-", "PP-1:shipped:sms:resend-", false)]
    [InlineData("PP-1:shipped:sms:resend-01", "PP-1:shipped:sms:resend-01", false)]
    [InlineData("A:resend-1:shipped:sms", "A:resend-1:shipped:sms", false)]
    public void OriginalOf_Key_StripsOnlyATrailingResendSuffix(string key, string original, bool isResend)
    {
        Assert.Equal(original, MessageKey.OriginalOf(key));
        Assert.Equal(isResend, MessageKey.IsResend(key));
    }

    [Fact]
    public void Resend_NumberBelowOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MessageKey.Resend("PP-1:shipped:sms", 0));
    }
}
