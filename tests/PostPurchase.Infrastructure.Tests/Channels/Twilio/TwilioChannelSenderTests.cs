using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Channels;
using PostPurchase.Infrastructure.Tests.Channels.Support;
using WireMock.ResponseBuilders;

namespace PostPurchase.Infrastructure.Tests.Channels.Twilio;

public sealed class TwilioChannelSenderTests : IDisposable
{
    private readonly TwilioStub _twilio = new();

    private static Dictionary<string, string> SmsForm(OutboundMessage message) => new()
    {
        ["To"] = message.To,
        ["From"] = TwilioStub.SmsFrom,
        ["Body"] = message.Content.Text,
        ["StatusCallback"] = $"https://shop.example/api/webhooks/twilio/status?key={Uri.EscapeDataString(message.Key)}",
    };

    [Fact]
    public async Task SendAsync_Sms_PostsTheExactFormWithBasicAuthAndReturnsTheSid()
    {
        var message = Messages.Sms();
        _twilio.Server.Given(_twilio.Create(SmsForm(message))).RespondWith(TwilioStub.Created());
        using var host = ChannelTestHost.Create(_twilio.Settings());

        var result = await host.Sender(Channel.Sms).SendAsync(message, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal(TwilioStub.CreatedSid, result.ProviderMessageId);
        Assert.Equal(1, _twilio.RequestCount);
    }

    [Fact]
    public async Task SendAsync_ApiKey_AuthenticatesWithTheKeySidAndKeepsTheAccountInThePath()
    {
        var message = Messages.Sms();
        _twilio.Server.Given(_twilio.Create(SmsForm(message), user: "SKbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb")).RespondWith(TwilioStub.Created());
        using var host = ChannelTestHost.Create(_twilio.Settings(t => t.ApiKeySid = "SKbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"));

        var result = await host.Sender(Channel.Sms).SendAsync(message, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
    }

    [Fact]
    public async Task SendAsync_MessagingService_SendsTheServiceSidInsteadOfFrom()
    {
        var message = Messages.Sms();
        var form = SmsForm(message);
        form.Remove("From");
        form["MessagingServiceSid"] = "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        _twilio.Server.Given(_twilio.Create(form)).RespondWith(TwilioStub.Created());
        using var host = ChannelTestHost.Create(_twilio.Settings(t => t.MessagingServiceSid = "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));

        var result = await host.Sender(Channel.Sms).SendAsync(message, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
    }

    [Theory]
    [InlineData("nl", "HX11111111111111111111111111111111")]
    [InlineData("de", "HX22222222222222222222222222222222")]
    public async Task SendAsync_WhatsAppWithTemplate_SendsContentSidAndVariablesPerLocale(string locale, string contentSid)
    {
        var message = Messages.WhatsApp(locale);
        _twilio.Server.Given(_twilio.Create(new Dictionary<string, string>
        {
            ["To"] = "whatsapp:+31612345678",
            ["From"] = $"whatsapp:{TwilioStub.WhatsAppFrom}",
            ["ContentSid"] = contentSid,
            ["ContentVariables"] = $$"""{"1":"Anna","2":"{{message.OrderId}}"}""",
            ["StatusCallback"] = $"https://shop.example/api/webhooks/twilio/status?key={Uri.EscapeDataString(message.Key)}",
        })).RespondWith(TwilioStub.Created());
        using var host = ChannelTestHost.Create(_twilio.Settings(Templates));

        var result = await host.Sender(Channel.WhatsApp).SendAsync(message, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
    }

    [Fact]
    public async Task SendAsync_WhatsAppFreeFormOutsideTheWindow_IsSentAgainAsTemplate()
    {
        var message = Messages.WhatsApp(windowOpen: true);
        var callback = $"https://shop.example/api/webhooks/twilio/status?key={Uri.EscapeDataString(message.Key)}";
        _twilio.Server.Given(_twilio.Create(new Dictionary<string, string>
        {
            ["To"] = "whatsapp:+31612345678", ["From"] = $"whatsapp:{TwilioStub.WhatsAppFrom}", ["Body"] = message.Content.Text, ["StatusCallback"] = callback,
        })).RespondWith(TwilioStub.Error(400, 63016, "Outside the allowed window"));
        _twilio.Server.Given(_twilio.Create(new Dictionary<string, string>
        {
            ["To"] = "whatsapp:+31612345678", ["From"] = $"whatsapp:{TwilioStub.WhatsAppFrom}", ["ContentSid"] = "HX11111111111111111111111111111111",
            ["ContentVariables"] = $$"""{"1":"Anna","2":"{{message.OrderId}}"}""", ["StatusCallback"] = callback,
        })).RespondWith(TwilioStub.Created());
        using var host = ChannelTestHost.Create(_twilio.Settings(Templates));

        var result = await host.Sender(Channel.WhatsApp).SendAsync(message, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal(2, _twilio.RequestCount);
    }

    [Fact]
    public async Task SendAsync_WhatsAppOutsideTheWindowWithoutTemplate_FailsWithTheReason()
    {
        var message = Messages.WhatsApp();
        _twilio.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(_twilio.MessagesPath).UsingPost())
            .RespondWith(TwilioStub.Error(400, 63016, "Outside the allowed window"));
        using var host = ChannelTestHost.Create(_twilio.Settings());

        var result = await host.Sender(Channel.WhatsApp).SendAsync(message, CancellationToken.None);

        Assert.Equal(SendOutcome.Failed, result.Outcome);
        Assert.Contains("whatsapp-window-closed", result.Error, StringComparison.Ordinal);
        Assert.Equal(1, _twilio.RequestCount);
    }

    [Theory]
    [InlineData(21610, SendOutcome.OptedOut)]
    [InlineData(21211, SendOutcome.Failed)]
    [InlineData(21614, SendOutcome.Failed)]
    [InlineData(21635, SendOutcome.Failed)]
    public async Task SendAsync_RecipientError_MapsToItsOutcomeWithoutRetrying(int code, SendOutcome expected)
    {
        _twilio.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(_twilio.MessagesPath).UsingPost()).RespondWith(TwilioStub.Error(400, code));
        using var host = ChannelTestHost.Create(_twilio.Settings());

        var result = await host.Sender(Channel.Sms).SendAsync(Messages.Sms(), CancellationToken.None);

        Assert.Equal(expected, result.Outcome);
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Error, StringComparison.Ordinal);
        Assert.Equal(1, _twilio.RequestCount);
    }

    [Fact]
    public async Task SendAsync_ServerErrorThenCreated_SendsOnce()
    {
        var message = Messages.Sms();
        _twilio.Server.Given(_twilio.Create(SmsForm(message))).InScenario("flaky").WillSetStateTo("recovered")
            .RespondWith(Response.Create().WithStatusCode(500).WithBody("oops"));
        _twilio.Server.Given(_twilio.Create(SmsForm(message))).InScenario("flaky").WhenStateIs("recovered")
            .RespondWith(TwilioStub.Created());
        using var host = ChannelTestHost.Create(_twilio.Settings());

        var result = await host.Sender(Channel.Sms).SendAsync(message, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal(2, _twilio.RequestCount);
        Assert.Single(_twilio.Server.LogEntries, e => e.ResponseMessage.StatusCode is 201);
    }

    [Fact]
    public async Task SendAsync_ThrottledWithRetryAfter_ReportsItAfterOneRequestSoTheOutboxPausesTheChannel()
    {
        // Not repeated inside the call: the outbox holds every text of the channel back until the Retry-After is over.
        var message = Messages.Sms();
        _twilio.Server.Given(_twilio.Create(SmsForm(message))).InScenario("throttled").WillSetStateTo("free")
            .RespondWith(TwilioStub.Error(429, 20429, "Too Many Requests").WithHeader("Retry-After", "1"));
        _twilio.Server.Given(_twilio.Create(SmsForm(message))).InScenario("throttled").WhenStateIs("free")
            .RespondWith(TwilioStub.Created());
        using var host = ChannelTestHost.Create(_twilio.Settings());

        var result = await host.Sender(Channel.Sms).SendAsync(message, CancellationToken.None);

        Assert.Equal(SendOutcome.Retry, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(1), result.RetryAfter);
        Assert.Equal(1, _twilio.RequestCount);
    }

    [Fact]
    public async Task SendAsync_AlwaysThrottled_ReturnsRetryWithTheProvidersRetryAfter()
    {
        _twilio.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(_twilio.MessagesPath).UsingPost())
            .RespondWith(TwilioStub.Error(429, 20429, "Too Many Requests").WithHeader("Retry-After", "0"));
        using var host = ChannelTestHost.Create(_twilio.Settings());

        var result = await host.Sender(Channel.Sms).SendAsync(Messages.Sms(), CancellationToken.None);

        Assert.Equal(SendOutcome.Retry, result.Outcome);
        Assert.Equal(TimeSpan.Zero, result.RetryAfter);
        Assert.Equal(1, _twilio.RequestCount);
    }

    [Fact]
    public async Task SendAsync_TimeoutAfterSending_ReturnsUnknownAndIsNotResent()
    {
        var warmUp = Messages.Sms();
        var message = Messages.Sms();
        _twilio.Server.Given(_twilio.Create(SmsForm(warmUp))).RespondWith(TwilioStub.Created());
        _twilio.Server.Given(_twilio.Create(SmsForm(message))).RespondWith(TwilioStub.Created().WithDelay(TimeSpan.FromSeconds(6)));
        using (var raw = new HttpClient())
        {
            // A cold stub takes seconds to answer its first request; warm it so only the delay counts.
            using var ignored = await raw.GetAsync(new Uri($"{_twilio.Server.Url}/warm-up"));
        }
        using var host = ChannelTestHost.Create(_twilio.Settings(), timings: ChannelTestHost.Fast with { AttemptTimeout = TimeSpan.FromSeconds(2) });
        var sender = host.Sender(Channel.Sms);
        Assert.Equal(SendOutcome.Sent, (await sender.SendAsync(warmUp, CancellationToken.None)).Outcome);
        var arrivedBefore = _twilio.Arrived;

        var result = await sender.SendAsync(message, CancellationToken.None);
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        Assert.Equal(SendOutcome.Unknown, result.Outcome);
        Assert.Equal(1, _twilio.Arrived - arrivedBefore);
    }

    [Fact]
    public async Task SendAsync_NothingListening_ReturnsRetry()
    {
        using var host = ChannelTestHost.Create(_twilio.Settings(t => t.BaseUrl = "http://127.0.0.1:1"));

        var result = await host.Sender(Channel.Sms).SendAsync(Messages.Sms(), CancellationToken.None);

        Assert.Equal(SendOutcome.Retry, result.Outcome);
    }

    [Fact]
    public async Task SendAsync_WhatsAppWithoutSender_FailsNamingTheSetting()
    {
        using var host = ChannelTestHost.Create(_twilio.Settings(t => t.WhatsAppFrom = null));

        var result = await host.Sender(Channel.WhatsApp).SendAsync(Messages.WhatsApp(), CancellationToken.None);

        Assert.Equal(SendOutcome.Failed, result.Outcome);
        Assert.Contains("WhatsAppFrom", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, _twilio.RequestCount);
    }

    private static void Templates(Infrastructure.Configuration.TwilioOptions twilio)
    {
        twilio.WhatsAppTemplates["shipped.nl"] = "HX11111111111111111111111111111111";
        twilio.WhatsAppTemplates["shipped"] = "HX22222222222222222222222222222222";
    }

    public void Dispose() => _twilio.Dispose();
}
