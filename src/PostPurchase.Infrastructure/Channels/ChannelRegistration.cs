using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Channels.Outbox;

namespace PostPurchase.Infrastructure.Channels;

/// <summary>Registers one <see cref="IChannelSender"/> per channel, chosen by configuration.</summary>
public static class ChannelRegistration
{
    /// <summary>Adds the senders for email, SMS and WhatsApp (the outbox unless a provider is configured).</summary>
    public static IHostApplicationBuilder AddChannels(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var channel in Enum.GetValues<Channel>())
        {
            builder.Services.AddSingleton<IChannelSender>(new OutboxChannelSender(channel));
        }
        return builder;
    }
}
