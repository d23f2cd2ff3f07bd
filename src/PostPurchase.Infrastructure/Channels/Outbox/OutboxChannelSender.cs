using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Infrastructure.Channels.Outbox;

/// <summary>The local default channel: the message is only recorded (the runtime keeps the rendered content), never sent.</summary>
internal sealed class OutboxChannelSender(Channel channel) : IChannelSender
{
    public Channel Channel { get; } = channel;

    public string Provider => "outbox";

    /// <summary>Recording again is harmless.</summary>
    public bool CanLookUpSends => true;

    public Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken) =>
        Task.FromResult(SendResult.Sent($"outbox-{WireName.Of(Channel)}-{message.Key}"));
}
