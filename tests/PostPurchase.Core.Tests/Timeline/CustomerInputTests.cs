using PostPurchase.Core.Orders;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Testing;

namespace PostPurchase.Core.Tests.Timeline;

public class CustomerInputTests
{
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, Cet);
    private static readonly DateTimeOffset Wednesday = new(2026, 3, 4, 14, 0, 0, Cet);

    private static TimelineDriver Placed(ConsentGrant? consent = null, TimelinePolicy? policy = null)
    {
        var builder = OrderBuilder.Apparel().PlacedAt(Monday).WithShipment("postnl", "3SONE");
        if (consent is not null)
        {
            builder = builder.WithConsent(consent);
        }
        return TimelineDriver.Place(builder.Build(), policy);
    }

    private static TimelineDriver Delivered()
    {
        var timeline = Placed();
        timeline.Scan(Monday.AddHours(20), TrackingStatus.InTransit);
        timeline.Scan(Wednesday, TrackingStatus.Delivered);
        return timeline;
    }

    [Fact]
    public void Decide_CustomerCancelsBeforeShipping_ConfirmsSignalsAndCompletes()
    {
        var timeline = Placed();

        var decision = timeline.At(Monday.AddHours(2), new OrderCancelled("customer", "Ordered the wrong size"));

        var message = Assert.Single(decision.Messages);
        Assert.Equal((Intent.CancellationConfirmed, MessageStatus.Pending), (message.Intent, message.Status));
        Assert.Equal("customer", message.Facts!["source"]);
        Assert.Equal("Ordered the wrong size", message.Facts["reason"]);
        Assert.Equal(SignalKind.CancellationRequested, Assert.Single(decision.Signals).Kind);
        Assert.True(decision.Completed);
        Assert.Null(decision.WakeAt);
        Assert.Equal(OrderStatus.Cancelled, decision.State.Status);
    }

    [Fact]
    public void Decide_MerchantCancels_NoSignalAndNothingAfterwards()
    {
        var timeline = Placed();
        var decision = timeline.At(Monday.AddHours(2), new OrderCancelled("merchant"));

        var late = timeline.Scan(Monday.AddHours(30), TrackingStatus.InTransit);

        Assert.Empty(decision.Signals);
        Assert.False(decision.Messages[0].Facts!.ContainsKey("reason"));
        Assert.Empty(late.Messages);
        Assert.Single(timeline.State.Events);
        Assert.Empty(timeline.SentOf(Intent.DelayNotShipped));
    }

    [Fact]
    public void Decide_CancelledAfterDelivery_ScheduledSurveyAndReviewRecordedAsCancelled()
    {
        var timeline = Delivered();

        var decision = timeline.At(Wednesday.AddHours(1), new OrderCancelled("merchant"));

        Assert.Contains(decision.Messages, m => m.Intent == Intent.CsatSurvey && m.Reason == SuppressionReason.Cancelled);
        Assert.Contains(decision.Messages, m => m.Intent == Intent.ReviewRequest && m.Reason == SuppressionReason.Cancelled);
        Assert.True(decision.Completed);
    }

    [Fact]
    public void Decide_ReturnRequested_InstructionsSignalAndNoReview()
    {
        var timeline = Delivered();

        var decision = timeline.At(Wednesday.AddDays(1), new ReturnRequested(["TEE-M-BLK"], "Too small", "exchange"));
        timeline.RunToEnd();

        var instructions = Assert.Single(decision.Messages, m => m.Status == MessageStatus.Pending);
        Assert.Equal(Intent.ReturnInstructions, instructions.Intent);
        Assert.Equal(("TEE-M-BLK", "exchange", "Too small"), (instructions.Facts!["skus"], instructions.Facts["resolution"], instructions.Facts["reason"]));
        Assert.Equal(SignalKind.ReturnRequested, Assert.Single(decision.Signals).Kind);
        Assert.Contains(decision.Messages, m => m.Intent == Intent.ReviewRequest && m.Reason == SuppressionReason.Returned);
        Assert.Empty(timeline.SentOf(Intent.ReviewRequest));
        Assert.True(timeline.State.Completed);
    }

    [Fact]
    public void Decide_ReturnOfUnknownSku_ThrowsNamingIt()
    {
        var timeline = Delivered();
        var ex = Assert.Throws<ArgumentException>(() => OrderTimeline.Decide(timeline.State, new ReturnRequested(["NOPE"], "x", "refund"), Wednesday, timeline.Policy));
        Assert.Contains("NOPE", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_RefundAfterReturn_CompletesAtOnce()
    {
        var timeline = Delivered();
        timeline.At(Wednesday.AddDays(1), new ReturnRequested(["TEE-M-BLK"], "Too small", "refund"));

        var decision = timeline.At(Wednesday.AddDays(5), new OrderRefunded(Returned: true));

        Assert.Equal(OrderStatus.Returned, decision.State.Status);
        Assert.True(decision.Completed);
    }

    [Fact]
    public void Decide_RefundWithoutReturn_SuppressesReviewAsReturned()
    {
        var timeline = Delivered();

        var decision = timeline.At(Wednesday.AddDays(1), new OrderRefunded(Returned: false, "Damaged"));

        Assert.Equal(OrderStatus.Refunded, decision.State.Status);
        Assert.Contains(decision.Messages, m => m.Intent == Intent.ReviewRequest && m.Reason == SuppressionReason.Returned);
        Assert.True(decision.Completed);
    }

    [Fact]
    public void Decide_SameOrderPlacedTwice_NoSecondConfirmation()
    {
        var timeline = Placed();
        var before = StateJson.Of(timeline.State);

        var again = timeline.Apply(new OrderPlaced(timeline.State.Order), Monday);

        Assert.Empty(again.Messages);
        Assert.Equal(before, StateJson.Of(timeline.State));
    }

    [Fact]
    public void Decide_CompletedTimeline_RecordsLateFactsButSendsNothing()
    {
        var timeline = Placed();
        timeline.At(Monday.AddHours(1), new OrderCancelled("merchant"));

        var late = timeline.Scan(Monday.AddHours(30), TrackingStatus.Delivered);
        var wake = timeline.Apply(new WakeUp(), Monday.AddDays(40));

        Assert.Empty(late.Messages);
        Assert.Empty(wake.Messages);
        Assert.True(wake.Completed);
        Assert.Null(wake.WakeAt);
        Assert.Single(timeline.State.Events);
    }
}
