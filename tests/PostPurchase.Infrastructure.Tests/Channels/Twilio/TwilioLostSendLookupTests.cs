using Microsoft.Extensions.Time.Testing;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Channels;
using PostPurchase.Infrastructure.Links;
using PostPurchase.Infrastructure.Tests.Channels.Support;
using PostPurchase.Testing;
using WireMock.RequestBuilders;

namespace PostPurchase.Infrastructure.Tests.Channels.Twilio;

/// <summary>
/// A text whose create request's answer was lost: Twilio's message list decides whether it is sent again. The stub keeps the
/// simulated clock; the senders run on the real one, as their resilience pipeline waits in real time.
/// </summary>
public sealed class TwilioLostSendLookupTests : IDisposable
{
    private static readonly DateTimeOffset Claimed = Some.Monday.AddHours(9);
    private readonly FakeTimeProvider _time = new(Claimed.AddMinutes(3));
    private readonly TwilioStub _twilio;

    public TwilioLostSendLookupTests()
    {
        _twilio = new TwilioStub(_time);
        _twilio.ServeMessageList();
        _twilio.AcceptCreates();
    }

    [Fact]
    public async Task SendAsync_LostAnswerAndTwilioHasTheMessage_NotSentAgainAndReturnsItsSid()
    {
        var message = Messages.Sms() with { LostAttemptAt = Claimed };
        _twilio.Log.Add(message.To, TwilioStub.SmsFrom, message.Content.Text, created: Claimed.AddDays(-7), sent: Claimed.AddDays(-7));
        var lost = _twilio.Log.Add(message.To, TwilioStub.SmsFrom, message.Content.Text, created: Claimed.AddSeconds(1), sent: Claimed.AddSeconds(2));
        _twilio.Log.Add(message.To, TwilioStub.SmsFrom, "Another text of the shop.", created: Claimed.AddSeconds(30), sent: Claimed.AddSeconds(31));
        using var host = ChannelTestHost.Create(_twilio.Settings());

        var result = await host.Sender(Channel.Sms).SendAsync(message, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal(lost.Sid, result.ProviderMessageId);
        Assert.Equal(0, _twilio.Log.Creates);
    }

    [Fact]
    public async Task SendAsync_LostAnswerAndTwilioNeverGotIt_SentOnce()
    {
        var message = Messages.Sms() with { LostAttemptAt = Claimed };
        // The same text a week earlier (another parcel) and another text since: neither is this message.
        _twilio.Log.Add(message.To, TwilioStub.SmsFrom, message.Content.Text, created: Claimed.AddDays(-7), sent: Claimed.AddDays(-7));
        _twilio.Log.Add(message.To, TwilioStub.SmsFrom, "Another text of the shop.", created: Claimed.AddSeconds(30), sent: Claimed.AddSeconds(31));
        _twilio.Log.Add("+31600000000", TwilioStub.SmsFrom, message.Content.Text, created: Claimed.AddSeconds(5), sent: Claimed.AddSeconds(6));
        using var host = ChannelTestHost.Create(_twilio.Settings());

        var result = await host.Sender(Channel.Sms).SendAsync(message, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal(1, _twilio.Log.Creates);
        Assert.Equal(1, _twilio.Log.Reads);
    }

    [Fact]
    public async Task SendAsync_LostMessageStillQueuedThreePagesDown_FoundByPagingWithoutADateSent()
    {
        var message = Messages.Sms() with { LostAttemptAt = Claimed };
        var lost = _twilio.Log.Add(message.To, TwilioStub.SmsFrom, message.Content.Text, created: Claimed.AddSeconds(1), sent: null);
        for (var i = 0; i < 120; i++)
        {
            _twilio.Log.Add(message.To, TwilioStub.SmsFrom, $"Campaign text {i}", created: Claimed.AddSeconds(2), sent: null);
        }
        using var host = ChannelTestHost.Create(_twilio.Settings());

        var result = await host.Sender(Channel.Sms).SendAsync(message, CancellationToken.None);

        Assert.Equal(lost.Sid, result.ProviderMessageId);
        Assert.Equal(0, _twilio.Log.Creates);
        Assert.Equal(3, _twilio.Log.Reads);
    }

    [Fact]
    public async Task SendAsync_LostTextWhoseLinkWasIssuedSecondsEarlier_FoundAndNotSentAgain()
    {
        // Rendered again for this attempt, the tracking link's token carries a later expiry than the lost text's did.
        var order = Some.OrderId();
        var (earlier, now) = (LateText(order, LinksAt(Claimed)), LateText(order, LinksAt(Claimed.AddSeconds(40))));
        Assert.NotEqual(earlier, now);
        var message = Messages.Sms(order, now) with { LostAttemptAt = Claimed };
        var lost = _twilio.Log.Add(message.To, TwilioStub.SmsFrom, earlier, created: Claimed.AddSeconds(1), sent: Claimed.AddSeconds(2));
        using var host = ChannelTestHost.Create(_twilio.Settings());

        var result = await host.Sender(Channel.Sms).SendAsync(message, CancellationToken.None);

        Assert.Equal(lost.Sid, result.ProviderMessageId);
        Assert.Equal(0, _twilio.Log.Creates);
    }

    [Fact]
    public async Task SendAsync_SameWordingForAnotherOrderSinceTheLostAttempt_NotTakenForItAndSent()
    {
        var links = LinksAt(Claimed);
        var (order, other) = (Some.OrderId(), Some.OrderId());
        var message = Messages.Sms(order, LateText(order, links)) with { LostAttemptAt = Claimed };
        _twilio.Log.Add(message.To, TwilioStub.SmsFrom, LateText(other, links), created: Claimed.AddSeconds(1), sent: Claimed.AddSeconds(2));
        using var host = ChannelTestHost.Create(_twilio.Settings());

        var result = await host.Sender(Channel.Sms).SendAsync(message, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal(1, _twilio.Log.Creates);
    }

    [Fact]
    public async Task SendAsync_LostWhatsAppTemplate_FoundByTheRenderedBodyHoldingItsVariables()
    {
        var message = Messages.WhatsApp(windowOpen: false) with { LostAttemptAt = Claimed };
        var rendered = $"Hallo {message.Content.TemplateVariables!["1"]}, je bestelling {message.OrderId} is onderweg.";
        var lost = _twilio.Log.Add($"whatsapp:{message.To}", $"whatsapp:{TwilioStub.WhatsAppFrom}", rendered, created: Claimed.AddSeconds(1), sent: Claimed.AddSeconds(2));
        using var host = ChannelTestHost.Create(_twilio.Settings(t => t.WhatsAppTemplates["shipped"] = "HX22222222222222222222222222222222"));

        var result = await host.Sender(Channel.WhatsApp).SendAsync(message, CancellationToken.None);

        Assert.Equal(lost.Sid, result.ProviderMessageId);
        Assert.Equal(0, _twilio.Log.Creates);
    }

    [Fact]
    public async Task SendAsync_LookupAnswers503_LeftForALaterAttemptAndNothingSent()
    {
        _twilio.Server.Given(Request.Create().WithPath(_twilio.MessagesPath).UsingGet()).AtPriority(0).RespondWith(TwilioStub.Error(503, 20500, "Service unavailable"));
        var message = Messages.Sms() with { LostAttemptAt = Claimed };
        using var host = ChannelTestHost.Create(_twilio.Settings());

        var result = await host.Sender(Channel.Sms).SendAsync(message, CancellationToken.None);

        Assert.Equal(SendOutcome.Retry, result.Outcome);
        Assert.Contains("Could not ask Twilio", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, _twilio.Log.Creates);
    }

    [Fact]
    public async Task SendAsync_LookupForAnAccountTwilioDoesNotKnow_LeftForALaterAttemptAndNothingSent()
    {
        var message = Messages.Sms() with { LostAttemptAt = Claimed };
        using var host = ChannelTestHost.Create(_twilio.Settings(t =>
        {
            t.AccountSid = "ACcccccccccccccccccccccccccccccccc";
            t.ApiKeySid = TwilioStub.ApiKeySid;
        }));

        var result = await host.Sender(Channel.Sms).SendAsync(message, CancellationToken.None);

        Assert.Equal(SendOutcome.Retry, result.Outcome);
        Assert.Equal(1, _twilio.Log.Reads);
        Assert.Equal(0, _twilio.Log.Creates);
    }

    [Fact]
    public async Task SendAsync_NoLostAttempt_SendsWithoutListing()
    {
        var message = Messages.Sms();
        using var host = ChannelTestHost.Create(_twilio.Settings());

        var result = await host.Sender(Channel.Sms).SendAsync(message, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal(0, _twilio.Log.Reads);
        Assert.Equal(1, _twilio.Log.Creates);
    }

    public void Dispose() => _twilio.Dispose();

    /// <summary>The buyer links as issued at <paramref name="at"/>: their tokens carry an expiry counted from then.</summary>
    private static CustomerLinks LinksAt(DateTimeOffset at) => new("a-signing-key-of-32-characters!!", "https://shop.example", new FakeTimeProvider(at));

    private static string LateText(string order, CustomerLinks links) =>
        $"Fault shop: sorry, your order {order} is later than promised. Track it: {links.For(order).TrackingUrl}";
}
