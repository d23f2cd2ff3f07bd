using PostPurchase.Core.Carriers;
using PostPurchase.Core.Tracking;

namespace PostPurchase.Core.Tests.Carriers;

/// <summary>Each provider's sample payload becomes exactly the normalised event a merchant would expect.</summary>
public sealed class FixtureParseTests
{
    private static TrackingEvent ParseSingle(string provider, string fixture) =>
        Assert.Single(Webhooks.Of(provider).Parse(Webhooks.Request(Webhooks.Fixture(fixture))));

    [Fact]
    public void Parse_AfterShipSample_IsTheCurrentTagAtTheLastCheckpoint()
    {
        var expected = new TrackingEvent(
            "aftership", "94dadd60-ed26-46d0-aa52-3ced925a50ff", "usps", "0000000000000000",
            TrackingStatus.InTransit, "InTransit/InTransit_001",
            new DateTimeOffset(2021, 1, 14, 0, 52, 0, TimeSpan.Zero),
            Description: "Departed Shipping Partner Facility, USPS Awaiting Item",
            OrderReference: "string");

        Assert.Equal(expected, ParseSingle("aftership", "aftership-tracking-update.trimmed.json"));
    }

    [Fact]
    public void Parse_EasyPostSample_IsTheTrackerAtItsLatestDetail()
    {
        var expected = new TrackingEvent(
            "easypost", "evt_1", "FedEx", "1",
            TrackingStatus.InTransit, "in_transit/arrived_at_facility",
            new DateTimeOffset(2024, 8, 2, 18, 50, 0, TimeSpan.Zero),
            Description: "Arrived at FedEx location",
            Location: "EDISON, NJ, US",
            CarrierEstimate: new DateTimeOffset(2024, 8, 5, 12, 0, 0, TimeSpan.Zero),
            CarrierTrackingUrl: "https://track.easypost.com/1");

        Assert.Equal(expected, ParseSingle("easypost", "easypost-tracker-updated.json"));
    }

    [Fact]
    public void Parse_SendcloudSample_DerivesAStableEventId()
    {
        var occurredAt = DateTimeOffset.FromUnixTimeSeconds(123);
        var parsed = ParseSingle("sendcloud", "sendcloud-parcel-status-changed.json");
        var expected = new TrackingEvent(
            "sendcloud", parsed.EventId, "PostNL Standard", "3SYZXG132912330",
            TrackingStatus.InfoReceived, "1/Ready to send", occurredAt,
            Description: "Ready to send",
            OrderReference: "ORD12334");

        Assert.Equal(expected, parsed);
        Assert.Matches("^sendcloud-[0-9a-f]{16}$", parsed.EventId);
        Assert.Equal(parsed.EventId, ParseSingle("sendcloud", "sendcloud-parcel-status-changed.json").EventId);
    }

    [Fact]
    public void Parse_ShippoSample_IsTheCurrentTrackingStatus()
    {
        var expected = new TrackingEvent(
            "shippo", "string", "usps", "9205590164917312751089",
            TrackingStatus.Delivered, "DELIVERED/information_received",
            new DateTimeOffset(2016, 7, 23, 0, 0, 0, TimeSpan.Zero),
            Description: "Your shipment has been delivered at the destination mailbox.",
            Location: "Las Vegas, NV, US",
            CarrierEstimate: new DateTimeOffset(2019, 8, 24, 14, 15, 22, TimeSpan.Zero),
            OrderReference: "Order 000123");

        Assert.Equal(expected, ParseSingle("shippo", "shippo-track-updated.json"));
    }

    [Fact]
    public void Parse_GenericSample_IsEveryEventInOrder()
    {
        var events = Webhooks.Of("generic").Parse(Webhooks.Request(Webhooks.Fixture("generic-tracking-events.json")));

        Assert.Equal(
            [
                new TrackingEvent(
                    "generic", "wh-2026-03-03-0001", "postnl", "3SPOST1234567",
                    TrackingStatus.InTransit, "Sorted at depot",
                    new DateTimeOffset(2026, 3, 3, 6, 40, 0, TimeSpan.FromHours(1)),
                    Location: "Utrecht, NL",
                    CarrierEstimate: new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.Zero),
                    OrderReference: "1001",
                    CarrierTrackingUrl: "https://jouw.postnl.nl/track-and-trace/3SPOST1234567-NL-1012LG"),
                new TrackingEvent(
                    "generic", "wh-2026-03-04-0002", "postnl", "3SPOST1234567",
                    TrackingStatus.OutForDelivery, "out-for-delivery",
                    new DateTimeOffset(2026, 3, 4, 8, 15, 0, TimeSpan.FromHours(1)),
                    Description: "The driver is on the way"),
            ],
            events);
    }

    [Theory]
    [InlineData("aftership", "aftership-tracking-update.trimmed.json")]
    [InlineData("easypost", "easypost-tracker-updated.json")]
    [InlineData("sendcloud", "sendcloud-parcel-status-changed.json")]
    [InlineData("shippo", "shippo-track-updated.json")]
    [InlineData("generic", "generic-tracking-events.json")]
    public void Parse_SignedSample_VerifiesAndParses(string provider, string fixture)
    {
        var request = Webhooks.Signed(provider, Webhooks.Fixture(fixture));

        Assert.True(Webhooks.Of(provider).Verify(request, Webhooks.Secret));
        Assert.NotEmpty(Webhooks.Of(provider).Parse(request));
    }

    [Fact]
    public void Find_EveryListedProvider_IsFoundInAnyCase()
    {
        foreach (var provider in CarrierWebhooks.Providers)
        {
            Assert.Equal(provider, CarrierWebhooks.Find(provider)?.Provider);
            Assert.Equal(provider, CarrierWebhooks.Find(provider.ToUpperInvariant())?.Provider);
        }
    }

    [Theory]
    [InlineData("dhl")]
    [InlineData("")]
    [InlineData("after ship")]
    public void Find_UnsupportedProvider_IsNull(string provider) => Assert.Null(CarrierWebhooks.Find(provider));
}
