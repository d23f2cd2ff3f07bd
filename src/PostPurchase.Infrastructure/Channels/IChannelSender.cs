using PostPurchase.Core.Timeline;

namespace PostPurchase.Infrastructure.Channels;

/// <summary>Sends messages over one channel through one provider.</summary>
public interface IChannelSender
{
    /// <summary>The channel this sender serves.</summary>
    Channel Channel { get; }

    /// <summary>The provider name shown in logs and the dashboard (outbox, smtp, acs, twilio).</summary>
    string Provider { get; }

    /// <summary>
    /// True when sending a message again is safe after an attempt whose answer was lost (a crash mid-send): the sender first
    /// asks the provider whether it has the message (<see cref="OutboundMessage.MayHaveBeenSent"/>) and sends only if not.
    /// </summary>
    bool CanLookUpSends => false;

    /// <summary>Sends once; resilience inside, classification of failures in the result. Never throws for provider errors.</summary>
    Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken);
}
