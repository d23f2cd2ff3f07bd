using System.Net;
using PostPurchase.Infrastructure.Channels;
using PostPurchase.Infrastructure.Channels.Twilio;

namespace PostPurchase.Infrastructure.Tests.Channels.Twilio;

public sealed class TwilioErrorMapTests
{
    [Theory]
    [InlineData(400, 21610, SendOutcome.OptedOut)]
    [InlineData(400, 21211, SendOutcome.Failed)]
    [InlineData(400, 21614, SendOutcome.Failed)]
    [InlineData(400, 21635, SendOutcome.Failed)]
    [InlineData(400, 63016, SendOutcome.Failed)]
    [InlineData(429, 20429, SendOutcome.Retry)]
    [InlineData(500, null, SendOutcome.Retry)]
    [InlineData(503, 20500, SendOutcome.Retry)]
    [InlineData(400, 21408, SendOutcome.Failed)]
    [InlineData(401, 20003, SendOutcome.Failed)]
    public void Map_TwilioAnswer_GivesTheOutcome(int status, int? code, SendOutcome expected)
    {
        var result = TwilioErrorMap.Map((HttpStatusCode)status, code, "message from Twilio", null);

        Assert.Equal(expected, result.Outcome);
        Assert.Contains("message from Twilio", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_Throttled_KeepsTheRetryAfter()
    {
        var result = TwilioErrorMap.Map(HttpStatusCode.TooManyRequests, 20429, "Too Many Requests", TimeSpan.FromSeconds(7));

        Assert.Equal(TimeSpan.FromSeconds(7), result.RetryAfter);
    }

    [Fact]
    public void Map_WindowClosed_SaysWhy()
    {
        var result = TwilioErrorMap.Map(HttpStatusCode.BadRequest, 63016, "outside window", null);

        Assert.Contains("whatsapp-window-closed", result.Error, StringComparison.Ordinal);
    }
}
