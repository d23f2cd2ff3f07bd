using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Channels;
using PostPurchase.Infrastructure.Tests.Channels.Acs;
using PostPurchase.Infrastructure.Tests.Channels.Smtp;
using PostPurchase.Infrastructure.Tests.Channels.Support;
using PostPurchase.Infrastructure.Tests.Channels.Twilio;

namespace PostPurchase.Infrastructure.Tests.Channels;

/// <summary>A failing send must say what failed without ever showing a credential, at any log level.</summary>
public sealed class SecretsInLogsTests
{
    [Fact]
    public async Task TwilioSend_AuthenticationFails_NeitherLogsNorErrorShowTheToken()
    {
        using var twilio = new TwilioStub();
        twilio.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(twilio.MessagesPath).UsingPost())
            .RespondWith(TwilioStub.Error(401, 20003, "Authenticate"));
        using var host = ChannelTestHost.Create(twilio.Settings());

        var result = await host.Sender(Channel.Sms).SendAsync(Messages.Sms(), CancellationToken.None);

        Assert.Equal(SendOutcome.Failed, result.Outcome);
        Assert.Contains("20003", result.Error, StringComparison.Ordinal);
        AssertNoSecret(host, result, TwilioStub.AuthToken);
        AssertNoSecret(host, result, Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{TwilioStub.AccountSid}:{TwilioStub.AuthToken}")));
    }

    [Fact]
    public async Task AcsSend_Rejected_NeitherLogsNorErrorShowTheAccessKey()
    {
        using var acs = new AcsStub();
        acs.SendFailures.Enqueue(401);
        using var host = ChannelTestHost.Create(acs.Settings());

        var result = await host.Sender(Channel.Email).SendAsync(Messages.Email(), CancellationToken.None);

        Assert.Equal(SendOutcome.Failed, result.Outcome);
        AssertNoSecret(host, result, AcsStub.AccessKey);
    }

    [Fact]
    public async Task SmtpSend_WrongPassword_NeitherLogsNorErrorShowThePassword()
    {
        using var sink = await SmtpSink.StartAsync("mailer", "the-right-password");
        var settings = new PostPurchase.Infrastructure.Configuration.PostPurchaseOptions
        {
            Email = new PostPurchase.Infrastructure.Configuration.EmailOptions
            {
                Provider = "Smtp", SmtpHost = "127.0.0.1", SmtpPort = sink.Port, SmtpUseTls = false,
                SmtpUser = "mailer", SmtpPassword = "wrong-pa55word-x9", Sender = "orders@shop.example",
            },
        };
        using var host = ChannelTestHost.Create(settings);

        var result = await host.Sender(Channel.Email).SendAsync(Messages.Email(), CancellationToken.None);

        Assert.Equal(SendOutcome.Failed, result.Outcome);
        Assert.Contains("authentication failed", result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(host.Logs.GetSnapshot());
        AssertNoSecret(host, result, "wrong-pa55word-x9");
        Assert.Empty(sink.Files);
    }

    private static void AssertNoSecret(ChannelTestHost host, SendResult result, string secret)
    {
        Assert.DoesNotContain(secret, host.AllLogText(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, result.Error ?? "", StringComparison.Ordinal);
    }
}
