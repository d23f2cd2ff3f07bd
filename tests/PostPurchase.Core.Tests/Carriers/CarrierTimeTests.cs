using PostPurchase.Core.Carriers.Payloads;

namespace PostPurchase.Core.Tests.Carriers;

/// <summary>Carrier-local scan times land on the right instant when the country says which zone they are in.</summary>
public sealed class CarrierTimeTests
{
    [Theory]
    [InlineData("2026-03-02T10:15:00Z", null, "2026-03-02T10:15:00+00:00")]
    [InlineData("2026-03-02T10:15:00.123+02:00", null, "2026-03-02T08:15:00.123+00:00")]
    [InlineData("2026-01-14T00:52:00", "NL", "2026-01-13T23:52:00+00:00")]
    [InlineData("2026-07-14T00:52:00", "NLD", "2026-07-13T22:52:00+00:00")]
    [InlineData("2026-07-14T09:00:00", "DE", "2026-07-14T07:00:00+00:00")]
    [InlineData("2026-07-14T09:00:00", "US", "2026-07-14T09:00:00+00:00")]
    [InlineData("2026-07-14T09:00:00", null, "2026-07-14T09:00:00+00:00")]
    [InlineData("2026-07-14 09:00:00", "PL", "2026-07-14T07:00:00+00:00")]
    [InlineData("2026-07-14T09:00", "FR", "2026-07-14T07:00:00+00:00")]
    [InlineData("2026-03-05", "NL", "2026-03-05T12:00:00+00:00")]
    [InlineData("2026-03-02T10:15:00+0100", "US", "2026-03-02T09:15:00+00:00")]
    [InlineData("2026-03-02T10:15:00-0530", null, "2026-03-02T15:45:00+00:00")]
    public void TryParse_CarrierFormats_GiveTheInstant(string text, string? country, string expected)
    {
        Assert.True(CarrierTime.TryParse(text, country, out var parsed));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("14/01/2026")]
    [InlineData("2026-13-01")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("9999-12-31T23:59:59-01:00")]
    [InlineData("1969-12-31")]
    public void TryParse_Unreadable_IsFalse(string text) => Assert.False(CarrierTime.TryParse(text, "NL", out _));

    [Theory]
    [InlineData(1772445600)]
    [InlineData(1772445600000)]
    public void TryFromUnix_SecondsOrMilliseconds_AreTold(long value)
    {
        Assert.True(CarrierTime.TryFromUnix(value, out var instant));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1772445600), instant);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(253_402_300_800_000)]
    [InlineData(long.MaxValue)]
    public void TryFromUnix_OutOfRange_IsFalse(long value) => Assert.False(CarrierTime.TryFromUnix(value, out _));

    [Fact]
    public void Parse_AfterShipDutchScanWithoutOffset_IsPlacedInAmsterdam()
    {
        var parsed = Assert.Single(Webhooks.Of("aftership").Parse(Webhooks.Json(
            """
            {"event":"tracking_update","event_id":"e-9","ts":1,"msg":{"tracking_number":"3S1","slug":"postnl","tag":"OutForDelivery","subtag":"OutForDelivery_001",
             "destination_country_region":"NLD","latest_estimated_delivery":{"type":"specific","datetime":"2026-03-03"},
             "courier_tracking_link":"https://postnl.example/3S1",
             "checkpoints":[{"checkpoint_time":"2026-03-03T07:30:00","message":"Bezorger is onderweg","city":"Utrecht","country_region":"NLD"}]}}
            """)));

        Assert.Equal(new DateTimeOffset(2026, 3, 3, 7, 30, 0, TimeSpan.FromHours(1)), parsed.OccurredAt);
        Assert.Equal("Utrecht, NLD", parsed.Location);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 12, 0, 0, TimeSpan.Zero), parsed.CarrierEstimate);
        Assert.Equal("https://postnl.example/3S1", parsed.CarrierTrackingUrl);
    }
}
