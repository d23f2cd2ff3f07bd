extern alias AzureIdentity;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Channels.Acs;
using PostPurchase.Infrastructure.Channels.Outbox;
using PostPurchase.Infrastructure.Channels.Smtp;
using PostPurchase.Infrastructure.Channels.Twilio;
using PostPurchase.Infrastructure.Channels.Twilio.TwilioWebhooks;
using PostPurchase.Infrastructure.Configuration;

namespace PostPurchase.Infrastructure.Channels;

/// <summary>Registers one <see cref="IChannelSender"/> per channel, chosen by configuration, and the Twilio webhook services.</summary>
public static class ChannelRegistration
{
    /// <summary>
    /// Email: <c>PostPurchase:Email:Provider</c> = Outbox (default), Smtp or Acs. SMS and WhatsApp: Twilio when
    /// <c>PostPurchase:Twilio:AccountSid</c> is set, else the outbox. Incomplete settings fail at start-up with the setting to fix.
    /// </summary>
    public static IHostApplicationBuilder AddChannels(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(PostPurchaseOptions.Section);
        PostPurchaseOptionsBinding.Ensure(builder);
        builder.Services.AddChannels(section.Get<PostPurchaseOptions>() ?? new PostPurchaseOptions());
        return builder;
    }

    /// <summary>Registers the senders for <paramref name="settings"/> (the options themselves come from DI at send time).</summary>
    internal static IServiceCollection AddChannels(this IServiceCollection services, PostPurchaseOptions settings)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new ChannelTimings());
        services.TryAddSingleton<IProviderMessageIndex, NoProviderMessageIndex>();
        services.AddScoped<TwilioStatusCallbackHandler>();
        services.AddScoped<TwilioInboundHandler>();
        AddEmail(services, settings.Email);
        AddTexts(services, settings.Twilio);
        return services;
    }

    private static void AddEmail(IServiceCollection services, EmailOptions email)
    {
        switch (email.Provider?.Trim().ToUpperInvariant())
        {
            case null or "" or "OUTBOX":
                services.AddSingleton<IChannelSender>(new OutboxChannelSender(Channel.Email));
                break;
            case "SMTP":
                if (string.IsNullOrWhiteSpace(email.SmtpHost))
                {
                    throw new InvalidOperationException("PostPurchase:Email:Provider is Smtp but PostPurchase:Email:SmtpHost is not set.");
                }
                services.AddSingleton<IChannelSender, SmtpChannelSender>();
                break;
            case "ACS":
                var connection = AcsConnectionString.Parse(email.ConnectionString);
                services.TryAddSingleton(new AcsCredentials(connection, static () => new AzureIdentity::Azure.Identity.DefaultAzureCredential()));
                services.AddHttpClient(AcsEmailSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
                    .AddChannelResilience("acs", AcsMayRetry)
                    // Signatures carry the wall-clock date the service checks, even when the host runs a simulated clock.
                    .AddHttpMessageHandler(sp => new AcsAuthenticationHandler(sp.GetRequiredService<AcsCredentials>(), TimeProvider.System));
                services.AddSingleton<IChannelSender, AcsEmailSender>();
                services.AddSingleton<AcsStatusPoll>();
                services.AddHostedService<AcsStatusPollService>();
                break;
            default:
                throw new InvalidOperationException($"PostPurchase:Email:Provider '{email.Provider}' is not one of Outbox, Smtp, Acs.");
        }
    }

    private static void AddTexts(IServiceCollection services, TwilioOptions twilio)
    {
        if (string.IsNullOrWhiteSpace(twilio.AccountSid))
        {
            services.AddSingleton<IChannelSender>(new OutboxChannelSender(Channel.Sms));
            services.AddSingleton<IChannelSender>(new OutboxChannelSender(Channel.WhatsApp));
            return;
        }
        if (string.IsNullOrWhiteSpace(twilio.AuthToken))
        {
            throw new InvalidOperationException("PostPurchase:Twilio:AccountSid is set but PostPurchase:Twilio:AuthToken is not.");
        }
        if (string.IsNullOrWhiteSpace(twilio.From) && string.IsNullOrWhiteSpace(twilio.MessagingServiceSid))
        {
            throw new InvalidOperationException("PostPurchase:Twilio needs a sender: set From (an SMS number) or MessagingServiceSid.");
        }
        var baseUrl = new Uri(twilio.BaseUrl, UriKind.Absolute);
        var client = services.AddHttpClient(TwilioChannelSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddChannelResilience("twilio", TwilioMayRetry);
        if (baseUrl.Host != "api.twilio.com")
        {
            client.AddHttpMessageHandler(() => new TwilioBaseUrlHandler(baseUrl));
        }
        foreach (var channel in new[] { Channel.Sms, Channel.WhatsApp })
        {
            services.AddSingleton<IChannelSender>(sp => new TwilioChannelSender(
                channel,
                sp.GetRequiredService<IHttpClientFactory>(),
                sp.GetRequiredService<IOptions<PostPurchaseOptions>>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<TwilioChannelSender>>(),
                sp.GetRequiredService<ChannelTimings>()));
        }
    }

    /// <summary>
    /// Creating a Twilio message is not idempotent: repeat only what Twilio certainly did not process. Listing messages (the
    /// lost-send lookup) repeats freely. A 429 on a create is not repeated here: the sender reports it with its Retry-After, and
    /// the outbox pauses the whole channel until then, which a retry inside this one call would delay while other sends go on.
    /// </summary>
    internal static bool TwilioMayRetry(HttpRequestMessage? request, Outcome<HttpResponseMessage> outcome) =>
        request?.Method == HttpMethod.Get
            ? ChannelResilience.IsThrottled(outcome) || ChannelResilience.IsServerError(outcome) || ChannelResilience.IsConnectFailure(outcome)
                || ChannelResilience.IsTimeout(outcome) || outcome.Exception is HttpRequestException
            : ChannelResilience.IsServerError(outcome) || ChannelResilience.IsConnectFailure(outcome);

    /// <summary>
    /// Status reads repeat freely; a send repeats only when no connection was made (the sender checks the status before any
    /// other resend). A 429 on a send (the per-minute quota) goes back to the sender, so the outbox pauses the channel at once.
    /// </summary>
    internal static bool AcsMayRetry(HttpRequestMessage? request, Outcome<HttpResponseMessage> outcome) =>
        request?.Method == HttpMethod.Get
            ? ChannelResilience.IsThrottled(outcome) || ChannelResilience.IsServerError(outcome) || ChannelResilience.IsTimeout(outcome) || outcome.Exception is HttpRequestException
            : ChannelResilience.IsConnectFailure(outcome);
}
