using System.Net;
using PostPurchase.Host.Tests.Support;
using PostPurchase.Web.Api;
using PostPurchase.Testing.Azurite;

namespace PostPurchase.Host.Tests.Endpoints;

[Collection(HostCollection.Name)]
public sealed class DevEndpointsTests(AzuriteServer azurite)
{
    [Fact]
    public async Task DevClock_SystemClock_Returns404ForReadAndAdvance()
    {
        await using var app = new HostApp(azurite.ConnectionString, simulated: false);
        var client = app.Anonymous();

        var read = await client.GetAsync("/api/dev/clock");
        var advance = await client.PostAsync("/api/dev/clock/advance", Json.Body("""{"by":"P1D"}"""));

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, advance.StatusCode);
        Assert.Equal("application/problem+json", advance.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task DevClock_Simulated_ReadsAndAdvancesByAnIsoDuration()
    {
        await using var app = new HostApp(azurite.ConnectionString);
        var client = app.Anonymous();

        var before = await Json.ReadAsync<ClockView>(await client.GetAsync("/api/dev/clock"));
        var advanced = await Dev.AdvanceAsync(app, "P3DT2H");
        var after = await Json.ReadAsync<ClockView>(await client.GetAsync("/api/dev/clock"));

        Assert.Equal(HostApp.Start, before.Now);
        Assert.Equal(HostApp.Start.AddDays(3).AddHours(2), advanced);
        Assert.Equal(advanced, after.Now);
    }

    [Theory]
    [InlineData("""{"by":"three days"}""", "by")]
    [InlineData("""{"by":"-P1D"}""", "by")]
    [InlineData("""{"by":"P1M"}""", "by")]
    [InlineData("""{}""", "by")]
    [InlineData("""{"by":3}""", "by")]
    [InlineData("""[1]""", "body")]
    public async Task AdvanceClock_BadDuration_Returns400NamingTheField(string body, string field)
    {
        await using var app = new HostApp(azurite.ConnectionString);

        var response = await app.Anonymous().PostAsync("/api/dev/clock/advance", Json.Body(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], await Json.ErrorFieldsAsync(response));
        Assert.Equal(HostApp.Start, app.Clock!.GetUtcNow());
    }

    [Theory]
    [InlineData("PT90M", 90)]
    [InlineData("P1DT1H", 25 * 60)]
    [InlineData("PT0S", 0)]
    public void TryParseDuration_IsoDurations_AreRead(string text, int minutes)
    {
        Assert.True(DevClockApi.TryParseDuration(text, out var duration, out _));
        Assert.Equal(TimeSpan.FromMinutes(minutes), duration);
    }

    [Fact]
    public async Task AdvanceClock_HostRestarted_GoesOnFromTheStoredTime()
    {
        DateTimeOffset advanced;
        string prefix;
        await using (var first = new HostApp(azurite.ConnectionString))
        {
            advanced = await Dev.AdvanceAsync(first, "P3DT2H");
            prefix = first.Prefix;
        }

        await using var restarted = new HostApp(azurite.ConnectionString, prefix: prefix);
        var now = (await Json.ReadAsync<ClockView>(await restarted.Anonymous().GetAsync("/api/dev/clock"))).Now;

        Assert.Equal(HostApp.Start.AddDays(3).AddHours(2), advanced);
        Assert.Equal(advanced, now);
    }
}
