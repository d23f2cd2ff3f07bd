using PostPurchase.Core.Messages;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Infrastructure.Channels;

/// <summary>A rendered message handed to a channel sender.</summary>
/// <param name="Key">The message's idempotency key (<c>{order}:{intent}[:{parcel}]:{channel}</c>).</param>
/// <param name="StatusCallbackUrl">Where the provider reports delivery status (Twilio), or null.</param>
public sealed record OutboundMessage(
    string Key,
    string OrderId,
    Intent Intent,
    Channel Channel,
    string To,
    string RecipientName,
    string Locale,
    MessagePurpose Purpose,
    RenderedMessage Content,
    string? StatusCallbackUrl = null);
