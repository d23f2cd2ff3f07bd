using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Channels;

namespace PostPurchase.Infrastructure.Tests.Channels;

public sealed class ChannelRegistrationTests
{
    private static Dictionary<Channel, string> Providers(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddChannels();
        using var provider = builder.Services.BuildServiceProvider();
        return provider.GetServices<IChannelSender>().ToDictionary(s => s.Channel, s => s.Provider);
    }

    [Fact]
    public void AddChannels_NothingConfigured_UsesTheOutboxForEveryChannel()
    {
        var providers = Providers([]);

        Assert.Equal(["outbox", "outbox", "outbox"], Enum.GetValues<Channel>().Select(c => providers[c]));
    }

    [Theory]
    [InlineData("Smtp", "smtp")]
    [InlineData("acs", "acs")]
    [InlineData("Outbox", "outbox")]
    public void AddChannels_EmailProvider_PicksThatSender(string provider, string expected)
    {
        var providers = Providers(new()
        {
            ["PostPurchase:Email:Provider"] = provider,
            ["PostPurchase:Email:SmtpHost"] = "smtp.shop.example",
            ["PostPurchase:Email:ConnectionString"] = "endpoint=https://x.communication.azure.com/;accesskey=pw==",
        });

        Assert.Equal(expected, providers[Channel.Email]);
    }

    [Fact]
    public void AddChannels_TwilioAccount_SendsTextsThroughTwilio()
    {
        var providers = Providers(new()
        {
            ["PostPurchase:Twilio:AccountSid"] = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            ["PostPurchase:Twilio:AuthToken"] = "token",
            ["PostPurchase:Twilio:From"] = "+3197010000000",
        });

        Assert.Equal(("twilio", "twilio", "outbox"), (providers[Channel.Sms], providers[Channel.WhatsApp], providers[Channel.Email]));
    }

    [Theory]
    [InlineData("PostPurchase:Email:Provider", "Pigeon", "Outbox, Smtp, Acs")]
    [InlineData("PostPurchase:Email:Provider", "Smtp", "SmtpHost")]
    [InlineData("PostPurchase:Twilio:AccountSid", "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "AuthToken")]
    public void AddChannels_IncompleteSettings_FailsNamingTheSetting(string name, string value, string named)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Providers(new() { [name] = value }));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddChannels_TwilioWithoutSender_FailsNamingFromAndMessagingService()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Providers(new()
        {
            ["PostPurchase:Twilio:AccountSid"] = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            ["PostPurchase:Twilio:AuthToken"] = "token",
        }));

        Assert.Contains("MessagingServiceSid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddChannels_AcsWithoutConnectionString_FailsNamingIt()
    {
        var error = Assert.Throws<FormatException>(() => Providers(new() { ["PostPurchase:Email:Provider"] = "Acs" }));

        Assert.Contains("ConnectionString", error.Message, StringComparison.Ordinal);
    }
}
