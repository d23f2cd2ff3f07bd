using PostPurchase.Core.Carriers;

namespace PostPurchase.Core.Tests.Carriers;

/// <summary>A payload we cannot understand fails with the field it is about and the provider's event id.</summary>
public sealed class MalformedPayloadTests
{
    private static CarrierPayloadException Fails(string provider, string json) =>
        Assert.Throws<CarrierPayloadException>(() => Webhooks.Of(provider).Parse(Webhooks.Json(json)));

    [Theory]
    [InlineData("aftership")]
    [InlineData("easypost")]
    [InlineData("sendcloud")]
    [InlineData("shippo")]
    [InlineData("generic")]
    public void Parse_NotJson_FailsSayingSo(string provider)
    {
        var error = Fails(provider, "{\"event\": tracking_update}");

        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
        Assert.Null(error.ProviderEventId);
    }

    [Theory]
    [InlineData("aftership", "[]")]
    [InlineData("generic", "\"delivered\"")]
    [InlineData("shippo", "")]
    public void Parse_NotAnObject_FailsSayingSo(string provider, string json) =>
        Assert.Contains("JSON object", Fails(provider, json).Message, StringComparison.Ordinal);

    [Fact]
    public void Parse_AfterShipWithoutTrackingNumber_NamesFieldAndEventId()
    {
        var error = Fails("aftership", """{"event_id":"e-42","ts":1,"msg":{"slug":"dhl","tag":"InTransit"}}""");

        Assert.Contains("'msg.tracking_number'", error.Message, StringComparison.Ordinal);
        Assert.Equal("e-42", error.ProviderEventId);
    }

    [Fact]
    public void Parse_AfterShipWithoutEventId_NamesIt() =>
        Assert.Contains("'event_id'", Fails("aftership", """{"msg":{"tracking_number":"1","slug":"dhl","tag":"InTransit"}}""").Message, StringComparison.Ordinal);

    [Fact]
    public void Parse_AfterShipWithoutAnyTime_NamesTheScanTime()
    {
        var error = Fails("aftership", """{"event_id":"e-43","msg":{"tracking_number":"1","slug":"dhl","tag":"InTransit","checkpoints":[]}}""");

        Assert.Contains("checkpoint_time", error.Message, StringComparison.Ordinal);
        Assert.Equal("e-43", error.ProviderEventId);
    }

    [Fact]
    public void Parse_AfterShipUnreadableCheckpointTime_NamesTheCheckpoint()
    {
        var error = Fails("aftership", """{"event_id":"e-44","msg":{"tracking_number":"1","slug":"dhl","tag":"InTransit","checkpoints":[{"checkpoint_time":"yesterday"}]}}""");

        Assert.Contains("'msg.checkpoints[0].checkpoint_time'", error.Message, StringComparison.Ordinal);
        Assert.Contains("yesterday", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EasyPostResultNotAnObject_NamesIt()
    {
        var error = Fails("easypost", """{"id":"evt_7","description":"tracker.updated","result":"trk_1"}""");

        Assert.Contains("'result' must be an object, not a string", error.Message, StringComparison.Ordinal);
        Assert.Equal("evt_7", error.ProviderEventId);
    }

    [Fact]
    public void Parse_EasyPostStatusOfWrongType_NamesIt() =>
        Assert.Contains("'result.status' must be a string, not an object", Fails("easypost",
            """{"id":"evt_8","description":"tracker.updated","result":{"tracking_code":"1","carrier":"UPS","status":{"x":1}}}""").Message, StringComparison.Ordinal);

    [Fact]
    public void Parse_SendcloudWithoutStatusId_NamesIt() =>
        Assert.Contains("'parcel.status.id'", Fails("sendcloud",
            """{"action":"parcel_status_changed","timestamp":1,"parcel":{"tracking_number":"3S","status":{"message":"Delivered"}}}""").Message, StringComparison.Ordinal);

    [Fact]
    public void Parse_SendcloudStatusIdNotANumber_NamesIt() =>
        Assert.Contains("'parcel.status.id' must be a whole number", Fails("sendcloud",
            """{"action":"parcel_status_changed","timestamp":1,"parcel":{"tracking_number":"3S","status":{"id":"eleven"}}}""").Message, StringComparison.Ordinal);

    [Fact]
    public void Parse_ShippoWithoutTrackingStatus_NamesIt() =>
        Assert.Contains("'data.tracking_status'", Fails("shippo",
            """{"event":"track_updated","data":{"carrier":"usps","tracking_number":"92"}}""").Message, StringComparison.Ordinal);

    [Fact]
    public void Parse_ShippoWithoutTrackingNumber_CarriesTheStatusObjectId()
    {
        var error = Fails("shippo", """{"event":"track_updated","data":{"carrier":"usps","tracking_status":{"object_id":"ts_1","status":"TRANSIT"}}}""");

        Assert.Contains("'data.tracking_number'", error.Message, StringComparison.Ordinal);
        Assert.Equal("ts_1", error.ProviderEventId);
    }
}
