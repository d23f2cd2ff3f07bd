using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Testing;

namespace PostPurchase.Core.Tests.Timeline;

public class DelayAlertTests
{
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, Cet);

    [Fact]
    public void Decide_NoScanByShipBy_AlertsOnceAtShipByAndSignalsMerchant()
    {
        var order = OrderBuilder.Apparel().PlacedAt(Monday).WithShipment("postnl", "3SONE").Build();
        var timeline = TimelineDriver.Place(order);

        timeline.RunUntil(Monday.AddDays(2));

        var alert = timeline.Single(Intent.DelayNotShipped);
        Assert.Equal(order.Promise.ShipBy, timeline.SentAt[alert.Key]);
        Assert.Equal("delay-not-shipped", alert.Facts!["cause"]);
        Assert.Equal(order.Promise.ShipBy.ToString("o", System.Globalization.CultureInfo.InvariantCulture), alert.Facts["promisedShipBy"]);
        Assert.True(alert.Essential);
        var signal = Assert.Single(timeline.Signals);
        Assert.Equal((SignalKind.DelayDetected, "delay-not-shipped"), (signal.Kind, signal.Data["cause"]));
        Assert.Contains(Intent.DelayNotShipped, timeline.State.DelayAlerts);
    }

    [Fact]
    public void Decide_ScannedBeforeShipBy_NoNotShippedAlert()
    {
        var timeline = TimelineDriver.Place(OrderBuilder.Apparel().PlacedAt(Monday).WithShipment("postnl", "3SONE").Build());
        timeline.Scan(Monday.AddHours(20), TrackingStatus.InTransit);

        timeline.RunUntil(Monday.AddDays(2));

        Assert.Empty(timeline.SentOf(Intent.DelayNotShipped));
    }

    [Fact]
    public void Decide_EstimateSlipsPastPromiseTwice_OneAlertWithNewEstimate()
    {
        var order = OrderBuilder.Apparel().PlacedAt(Monday).WithShipment("postnl", "3SONE").Build();
        var timeline = TimelineDriver.Place(order);
        var slipped = order.Promise.DeliverBy.AddDays(2);

        timeline.Scan(Monday.AddHours(20), TrackingStatus.InTransit, estimate: slipped);
        timeline.Scan(Monday.AddHours(30), TrackingStatus.InTransit, estimate: order.Promise.DeliverBy);
        timeline.Scan(Monday.AddHours(40), TrackingStatus.InTransit, estimate: slipped.AddDays(1));

        var alert = timeline.Single(Intent.DelayEstimateSlipped);
        Assert.Equal(slipped.ToString("o", System.Globalization.CultureInfo.InvariantCulture), alert.Facts!["newEstimate"]);
        Assert.Equal(order.Promise.DeliverBy.ToString("o", System.Globalization.CultureInfo.InvariantCulture), alert.Facts["promisedBy"]);
        Assert.Single(timeline.SentOf(Intent.DelayEstimateSlipped), m => m.Channel == Channel.Sms);
    }

    [Fact]
    public void Decide_EstimateWithinMargin_NoAlert()
    {
        var order = OrderBuilder.Apparel().PlacedAt(Monday).WithShipment("postnl", "3SONE").Build();
        var timeline = TimelineDriver.Place(order);

        timeline.Scan(Monday.AddHours(20), TrackingStatus.InTransit, estimate: order.Promise.DeliverBy.AddHours(11));

        Assert.Empty(timeline.SentOf(Intent.DelayEstimateSlipped));
    }

    [Fact]
    public void Decide_InTransitWithoutScanForThreeDays_AlertsNoScanWithDays()
    {
        var order = OrderBuilder.Apparel().PlacedAt(Monday).Promising(TimeSpan.FromDays(1), TimeSpan.FromDays(10)).WithShipment("postnl", "3SONE").Build();
        var timeline = TimelineDriver.Place(order);
        var scan = Monday.AddHours(20);
        timeline.Scan(scan, TrackingStatus.InTransit);

        timeline.RunUntil(scan.AddDays(5));

        var alert = timeline.Single(Intent.DelayNoScan);
        Assert.Equal(scan.AddDays(3), timeline.SentAt[alert.Key]);
        Assert.Equal("3", alert.Facts!["days"]);
        Assert.Equal("delay-no-scan", alert.Facts["cause"]);
    }

    [Fact]
    public void Decide_DeliverByPassesInTransit_AlertsOverdueOnceEvenAfterDelivery()
    {
        var order = OrderBuilder.Apparel().PlacedAt(Monday).WithShipment("postnl", "3SONE").Build();
        var timeline = TimelineDriver.Place(order);
        timeline.Scan(Monday.AddHours(20), TrackingStatus.InTransit);
        timeline.Scan(Monday.AddHours(60), TrackingStatus.InTransit);

        timeline.RunUntil(order.Promise.DeliverBy.AddHours(1));
        timeline.Scan(order.Promise.DeliverBy.AddHours(5), TrackingStatus.Delivered);

        var alert = timeline.Single(Intent.DelayOverdue);
        Assert.Equal(order.Promise.DeliverBy, timeline.SentAt[alert.Key]);
        Assert.Equal("delay-overdue", alert.Facts!["cause"]);
        Assert.Single(timeline.SentOf(Intent.Delivered), m => m.Channel == Channel.Email);
    }

    [Fact]
    public void Decide_DeliveredOnTime_NoDelayAlertEver()
    {
        var order = OrderBuilder.Apparel().PlacedAt(Monday).WithShipment("postnl", "3SONE").Build();
        var timeline = TimelineDriver.Place(order);
        timeline.Scan(Monday.AddHours(20), TrackingStatus.InTransit);
        timeline.Scan(Monday.AddHours(50), TrackingStatus.Delivered);

        timeline.RunToEnd();

        Assert.DoesNotContain(timeline.Sent, m => MessageRules.IsDelay(m.Intent));
        Assert.True(timeline.State.Completed);
    }
}
