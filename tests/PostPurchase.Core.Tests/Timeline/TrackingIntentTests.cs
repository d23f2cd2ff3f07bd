using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Testing;

namespace PostPurchase.Core.Tests.Timeline;

public class TrackingIntentTests
{
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);
    private static readonly DateTimeOffset TuesdayEvening = new(2026, 3, 3, 18, 0, 0, Cet);

    [Fact]
    public void Decide_FirstCarrierScan_SendsShippedByEmailAndConsentedSmsWithParcelFacts()
    {
        var timeline = TimelineDriver.Place(OrderBuilder.Apparel().WithShipment("postnl", "3S-abc 123").Build());

        var decision = timeline.Scan(TuesdayEvening, TrackingStatus.InTransit);

        Assert.Equal([Channel.Email, Channel.Sms], decision.Messages.Where(m => m.Status == MessageStatus.Pending).Select(m => m.Channel));
        var email = decision.Messages[0];
        Assert.Equal(Intent.Shipped, email.Intent);
        Assert.Equal("3SABC123", email.ParcelKey);
        Assert.Equal($"{timeline.State.Order.OrderId}:shipped:3SABC123:email", email.Key);
        Assert.Equal("postnl", email.Facts!["carrier"]);
        Assert.Equal("3S-abc 123", email.Facts["trackingNumber"]);
        Assert.Equal("Amsterdam", email.Facts["location"]);
        Assert.Equal("Carrier says InTransit", email.Facts["description"]);
        Assert.False(email.Essential);
        Assert.Equal("+31612345678", decision.Messages[1].To);
        var whatsApp = Assert.Single(decision.Messages, m => m.Channel == Channel.WhatsApp);
        Assert.Equal((MessageStatus.Suppressed, SuppressionReason.NoConsent), (whatsApp.Status, whatsApp.Reason));
        Assert.Equal(OrderStatus.Shipped, decision.State.Status);
    }

    [Theory]
    [InlineData(TrackingStatus.OutForDelivery, Intent.OutForDelivery, false)]
    [InlineData(TrackingStatus.FailedAttempt, Intent.DeliveryFailedAttempt, true)]
    [InlineData(TrackingStatus.AvailableForPickup, Intent.AvailableForPickup, true)]
    [InlineData(TrackingStatus.Exception, Intent.DeliveryException, true)]
    [InlineData(TrackingStatus.ReturnedToSender, Intent.ReturnedToSender, true)]
    [InlineData(TrackingStatus.Delivered, Intent.Delivered, false)]
    public void Decide_StatusTransition_SendsItsIntentOnce(TrackingStatus status, Intent intent, bool essential)
    {
        var timeline = TimelineDriver.Place(OrderBuilder.Apparel().WithShipment("postnl", "3SONE").Build());
        timeline.Scan(TuesdayEvening, TrackingStatus.InTransit);

        timeline.Scan(TuesdayEvening.AddHours(15), status);
        timeline.Scan(TuesdayEvening.AddHours(16), status);

        var email = timeline.Single(intent);
        Assert.Equal(essential, email.Essential);
        Assert.Equal("3SONE", email.ParcelKey);
    }

    [Fact]
    public void Decide_InfoReceivedOrUnknownStatus_SendsNothing()
    {
        var timeline = TimelineDriver.Place(OrderBuilder.Apparel().WithShipment("postnl", "3SONE").Build());

        Assert.Empty(timeline.Scan(TuesdayEvening, TrackingStatus.InfoReceived).Messages);
        Assert.Empty(timeline.Scan(TuesdayEvening.AddHours(1), TrackingStatus.Unknown).Messages);
        Assert.Equal(2, timeline.State.Events.Count);
    }

    [Fact]
    public void Decide_TwoParcels_EachNotifiedAndOrderDeliveredWhenBothAre()
    {
        var order = OrderBuilder.Skincare().WithItem("TEE-M", "T-shirt", "apparel", 1, 20m)
            .WithShipment("postnl", "3SAAA", "SERUM-30").WithShipment("dhl", "JVGLBBB", "TEE-M").Build();
        var timeline = TimelineDriver.Place(order);

        timeline.Scan(TuesdayEvening, TrackingStatus.InTransit, "3SAAA");
        Assert.Equal(OrderStatus.PartiallyShipped, timeline.State.Status);
        timeline.Scan(TuesdayEvening.AddHours(1), TrackingStatus.InTransit, "JVGLBBB");
        Assert.Equal(OrderStatus.Shipped, timeline.State.Status);
        var first = timeline.Scan(TuesdayEvening.AddHours(16), TrackingStatus.Delivered, "3SAAA");
        Assert.Equal(OrderStatus.PartiallyDelivered, timeline.State.Status);
        Assert.Equal("false", first.Messages[0].Facts!["allDelivered"]);
        Assert.Null(timeline.State.DeliveredAt);
        var second = timeline.Scan(TuesdayEvening.AddHours(20), TrackingStatus.Delivered, "JVGLBBB");

        Assert.Equal("true", second.Messages[0].Facts!["allDelivered"]);
        Assert.Equal(OrderStatus.Delivered, timeline.State.Status);
        Assert.Equal(TuesdayEvening.AddHours(20), timeline.State.DeliveredAt);
        Assert.Equal(2, timeline.SentOf(Intent.Shipped).Count(m => m.Channel == Channel.Email));
        Assert.Equal(["SERUM-30"], timeline.State.Parcels[0].Skus);
    }

    [Fact]
    public void Decide_OlderEventArrivesAfterNewer_KeepsEventButNeverMovesStatusBack()
    {
        var timeline = TimelineDriver.Place(OrderBuilder.Apparel().WithShipment("postnl", "3SONE").Build());
        timeline.Scan(TuesdayEvening.AddDays(1), TrackingStatus.Delivered);

        var late = timeline.Apply(new TrackingUpdated(new TrackingEvent("aftership", "evt-old", "postnl", "3SONE", TrackingStatus.InTransit,
            "InTransit", TuesdayEvening)), TuesdayEvening.AddDays(1).AddHours(1));

        Assert.Empty(late.Messages);
        Assert.Equal(TrackingStatus.Delivered, timeline.State.Parcels[0].Status);
        Assert.Equal(TuesdayEvening, timeline.State.Parcels[0].FirstScanAt);
        Assert.Equal(2, timeline.State.Events.Count);
        Assert.Empty(timeline.SentOf(Intent.Shipped));
    }

    [Fact]
    public void Decide_DuplicateEvent_ChangesNothingAndSendsNothing()
    {
        var timeline = TimelineDriver.Place(OrderBuilder.Apparel().WithShipment("postnl", "3SONE").Build());
        timeline.Scan(TuesdayEvening, TrackingStatus.InTransit, eventId: "evt-1");
        var before = StateJson.Of(timeline.State);

        var again = timeline.Scan(TuesdayEvening, TrackingStatus.InTransit, eventId: "evt-1");

        Assert.Empty(again.Messages);
        Assert.Empty(again.Signals);
        Assert.Equal(before, StateJson.Of(timeline.State));
    }

    [Fact]
    public void Decide_EventForUnregisteredParcel_RegistersItFromTheEvent()
    {
        var timeline = TimelineDriver.Place(OrderBuilder.Apparel().Build());

        timeline.Apply(new TrackingUpdated(new TrackingEvent("shippo", "e1", "usps", "9400 1000", TrackingStatus.InTransit, "TRANSIT", TuesdayEvening)), TuesdayEvening);

        var parcel = Assert.Single(timeline.State.Parcels);
        Assert.Equal(("94001000", "usps"), (parcel.Key, parcel.Carrier));
        Assert.Single(timeline.SentOf(Intent.Shipped), m => m.Channel == Channel.Email);
    }

    [Fact]
    public void Decide_ShipmentRegisteredTwice_KeepsOneParcel()
    {
        var timeline = TimelineDriver.Place(OrderBuilder.Apparel().Build());
        timeline.Apply(new ShipmentRegistered(new Core.Orders.ShipmentRef("postnl", "3S-ONE")), TuesdayEvening);
        var before = StateJson.Of(timeline.State);

        timeline.Apply(new ShipmentRegistered(new Core.Orders.ShipmentRef("PostNL", "3sone")), TuesdayEvening);

        Assert.Single(timeline.State.Parcels);
        Assert.Equal(before, StateJson.Of(timeline.State));
    }
}
