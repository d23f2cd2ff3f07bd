using PostPurchase.Core.Orders;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Testing;

namespace PostPurchase.Core.Tests.Timeline;

public class OrderTimelineScenarioTests
{
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);
    private static readonly TimeSpan Cest = TimeSpan.FromHours(2);

    [Fact]
    public void Decide_SkincareDeliveredThursdayAfternoonInAmsterdam_CsatSaturdayTenAndReviewTwentyEightDaysLaterAtTen()
    {
        var monday = new DateTimeOffset(2026, 3, 2, 9, 0, 0, Cet);
        var order = OrderBuilder.Skincare().PlacedAt(monday).Promising(TimeSpan.FromDays(1), TimeSpan.FromDays(4))
            .WithShipment("postnl", "3SABC123").Build();
        var timeline = TimelineDriver.Place(order);

        timeline.Scan(new DateTimeOffset(2026, 3, 3, 18, 0, 0, Cet), TrackingStatus.InTransit);
        timeline.Scan(new DateTimeOffset(2026, 3, 5, 14, 0, 0, Cet), TrackingStatus.Delivered);
        timeline.RunToEnd();

        Assert.Equal(monday, timeline.SentAt[timeline.Single(Intent.OrderConfirmation).Key]);
        Assert.Equal(new DateTimeOffset(2026, 3, 7, 10, 0, 0, Cet), timeline.Single(Intent.CsatSurvey).ScheduledFor);
        Assert.Equal(new DateTimeOffset(2026, 3, 7, 10, 0, 0, Cet), timeline.SentAt[timeline.Single(Intent.CsatSurvey).Key]);
        // Summer time starts on 29 March: 10:00 local is then 08:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 4, 2, 10, 0, 0, Cest), timeline.SentAt[timeline.Single(Intent.ReviewRequest).Key]);
        Assert.Equal("SERUM-30", timeline.Single(Intent.ReviewRequest).Facts!["skus"]);
        Assert.True(timeline.State.Completed);
        Assert.Null(timeline.State.NextWakeAt);
        Assert.Equal(OrderStatus.Delivered, timeline.State.Status);
    }

    [Fact]
    public void Decide_OrderPlaced_SendsOneConfirmationEmailAtOnce()
    {
        var order = OrderBuilder.Apparel().Build();

        var decision = OrderTimeline.Decide(null, new OrderPlaced(order), order.PlacedAt, Core.Policies.TimelinePolicy.Default);

        var message = Assert.Single(decision.Messages);
        Assert.Equal(Intent.OrderConfirmation, message.Intent);
        Assert.Equal(Channel.Email, message.Channel);
        Assert.Equal(MessageStatus.Pending, message.Status);
        Assert.Equal(order.Customer.Email, message.To);
        Assert.True(message.Essential);
        Assert.Equal($"{order.OrderId}:order-confirmation:email", message.Key);
        Assert.Equal(order.Promise.ShipBy, decision.WakeAt);
        Assert.False(decision.Completed);
    }

    [Fact]
    public void Decide_FirstInputIsNotOrderPlaced_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => OrderTimeline.Decide(null, new WakeUp(), Some.Monday, Core.Policies.TimelinePolicy.Default));
        Assert.Contains("order-placed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_UnknownTimeZone_ThrowsNamingIt()
    {
        var order = OrderBuilder.Apparel().For(Some.Customer(timeZone: "Europe/Atlantis")).Build();
        var ex = Assert.Throws<ArgumentException>(() => OrderTimeline.Decide(null, new OrderPlaced(order), order.PlacedAt, Core.Policies.TimelinePolicy.Default));
        Assert.Contains("Europe/Atlantis", ex.Message, StringComparison.Ordinal);
    }
}
