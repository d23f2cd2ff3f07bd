using PostPurchase.Core.Tracking;

namespace PostPurchase.Core.Tests.Carriers;

/// <summary>A status nobody has mapped yet is kept as Unknown with its raw text, never dropped.</summary>
public sealed class UnknownStatusTests
{
    [Fact]
    public void Parse_AfterShipNewTag_IsKeptAsUnknown()
    {
        var parsed = Assert.Single(Webhooks.Of("aftership").Parse(Webhooks.Json(
            """{"event":"tracking_update","event_id":"e-1","ts":1712741696,"msg":{"tracking_number":"AB1","slug":"dhl","tag":"Teleported","subtag":"Teleported_001"}}""")));

        Assert.Equal(TrackingStatus.Unknown, parsed.Status);
        Assert.Equal("Teleported/Teleported_001", parsed.RawStatus);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1712741696), parsed.OccurredAt);
    }

    [Fact]
    public void Parse_EasyPostNewStatus_IsKeptAsUnknown()
    {
        var parsed = Assert.Single(Webhooks.Of("easypost").Parse(Webhooks.Json(
            """{"id":"evt_2","description":"tracker.updated","created_at":"2024-08-02T19:26:52Z","result":{"tracking_code":"9400","carrier":"USPS","status":"hovering"}}""")));

        Assert.Equal(TrackingStatus.Unknown, parsed.Status);
        Assert.Equal("hovering", parsed.RawStatus);
        Assert.Equal(new DateTimeOffset(2024, 8, 2, 19, 26, 52, TimeSpan.Zero), parsed.OccurredAt);
    }

    [Fact]
    public void Parse_ShippoNewStatus_IsKeptAsUnknown()
    {
        var parsed = Assert.Single(Webhooks.Of("shippo").Parse(Webhooks.Json(
            """{"event":"track_updated","data":{"carrier":"usps","tracking_number":"92","tracking_status":{"status":"IN_ORBIT","status_date":"2026-03-02T10:00:00Z"}}}""")));

        Assert.Equal(TrackingStatus.Unknown, parsed.Status);
        Assert.Equal("IN_ORBIT", parsed.RawStatus);
        Assert.StartsWith("shippo-", parsed.EventId, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SendcloudNewStatus_IsKeptAsUnknown()
    {
        var parsed = Assert.Single(Webhooks.Of("sendcloud").Parse(Webhooks.Json(
            """{"action":"parcel_status_changed","timestamp":1772445600000,"parcel":{"tracking_number":"3S1","carrier":{"code":"postnl"},"status":{"id":77777,"message":"Parcel teleported"}}}""")));

        Assert.Equal(TrackingStatus.Unknown, parsed.Status);
        Assert.Equal("77777/Parcel teleported", parsed.RawStatus);
        Assert.Equal("postnl", parsed.Carrier);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1772445600000), parsed.OccurredAt);
    }

    [Theory]
    [InlineData("easypost", """{"id":"evt_3","description":"batch.created","result":{"id":"batch_1"}}""")]
    [InlineData("shippo", """{"event":"transaction_created","data":{"object_id":"t1"}}""")]
    [InlineData("sendcloud", """{"action":"integration_connected","timestamp":1}""")]
    public void Parse_EventOfAnotherKind_GivesNoTrackingEvents(string provider, string json) =>
        Assert.Empty(Webhooks.Of(provider).Parse(Webhooks.Json(json)));
}
