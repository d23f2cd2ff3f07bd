using PostPurchase.Core.Carriers;
using PostPurchase.Core.Tracking;

namespace PostPurchase.Core.Tests.Carriers;

/// <summary>Our own format is strict: every mistake is named, nothing is guessed.</summary>
public sealed class GenericPayloadTests
{
    private const string Valid = """{"eventId":"g-1","carrier":"dhl","trackingNumber":"JJD0001","status":"delivered","occurredAt":"2026-03-04T14:02:00+01:00"}""";

    private static CarrierPayloadException Fails(string json) =>
        Assert.Throws<CarrierPayloadException>(() => Webhooks.Of("generic").Parse(Webhooks.Json(json)));

    [Fact]
    public void Parse_SingleEvent_KeepsStatusAsRawWhenNoCarrierStatus()
    {
        var parsed = Assert.Single(Webhooks.Of("generic").Parse(Webhooks.Json(Valid)));

        Assert.Equal(TrackingStatus.Delivered, parsed.Status);
        Assert.Equal("delivered", parsed.RawStatus);
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 13, 2, 0, TimeSpan.Zero), parsed.OccurredAt.ToUniversalTime());
    }

    [Fact]
    public void Parse_UnknownStatus_ListsTheAllowedOnes()
    {
        var error = Fails(Valid.Replace("\"delivered\"", "\"deliverd\"", StringComparison.Ordinal));

        Assert.Contains("'status' is 'deliverd'", error.Message, StringComparison.Ordinal);
        Assert.Contains("out-for-delivery", error.Message, StringComparison.Ordinal);
        Assert.Equal("g-1", error.ProviderEventId);
    }

    [Fact]
    public void Parse_TimeWithoutOffset_IsRefused() =>
        Assert.Contains("'occurredAt'", Fails(Valid.Replace("+01:00", "", StringComparison.Ordinal)).Message, StringComparison.Ordinal);

    [Fact]
    public void Parse_MissingFields_NamesTheFirst() =>
        Assert.Contains("'trackingNumber' is missing", Fails("""{"eventId":"g-2","carrier":"dhl","status":"delivered"}""").Message, StringComparison.Ordinal);

    [Fact]
    public void Parse_BatchError_NamesTheIndexedPath() =>
        Assert.Contains("'events[1].occurredAt'", Fails($$"""{"events":[{{Valid}},{"eventId":"g-3","carrier":"dhl","trackingNumber":"J","status":"in-transit"}]}""").Message, StringComparison.Ordinal);

    [Fact]
    public void Parse_EmptyBatch_IsRefused() => Assert.Contains("'events' is empty", Fails("""{"events":[]}""").Message, StringComparison.Ordinal);

    [Fact]
    public void Parse_OversizedBatch_IsRefused()
    {
        var events = string.Join(',', Enumerable.Repeat(Valid, 101));

        Assert.Contains("at most 100", Fails($$"""{"events":[{{events}}]}""").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BatchOfNonObjects_IsRefused() =>
        Assert.Contains("'events[0]' must be an event object", Fails("""{"events":[42]}""").Message, StringComparison.Ordinal);

    [Fact]
    public void Parse_RelativeTrackingUrl_IsRefused() =>
        Assert.Contains("'trackingUrl' must be an absolute http(s) URL",
            Fails(Valid.Replace("}", ",\"trackingUrl\":\"/track/1\"}", StringComparison.Ordinal)).Message, StringComparison.Ordinal);

    [Fact]
    public void Parse_OverlongEventId_IsRefused() =>
        Assert.Contains("longer than 200", Fails(Valid.Replace("g-1", new string('x', 201), StringComparison.Ordinal)).Message, StringComparison.Ordinal);
}
