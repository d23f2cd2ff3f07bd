using PostPurchase.Core.Messages;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Infrastructure.Channels;

/// <summary>A rendered message handed to a channel sender.</summary>
/// <param name="Key">The message's idempotency key (<c>{order}:{intent}[:{parcel}]:{channel}</c>).</param>
/// <param name="StatusCallbackUrl">Where the provider reports delivery status (Twilio); null: <c>{PublicBaseUrl}/api/webhooks/twilio/status?key={Key}</c>.</param>
/// <param name="WhatsAppWindowOpen">The buyer wrote within the last 24 hours, so WhatsApp free-form text is allowed (else the configured template is used).</param>
/// <param name="MayHaveBeenSent">An earlier attempt may have reached the provider (a retry, a crash, an activity run again): a sender that can look a send up does so first.</param>
/// <param name="Branding">The branding of the settings version that rendered it (sender name, reply-to); null: the configured branding.</param>
/// <param name="WhatsAppTemplateSid">The approved Content template of that settings version for this intent and locale; null: the configured one.</param>
/// <param name="LostAttemptAt">When an attempt whose answer was lost began (a claim that outlived its lease), or null: a sender that looks sends up by recipient and time (Twilio) searches from there.</param>
/// <param name="UnsubscribeUrl">One-click unsubscribe link for marketing email (List-Unsubscribe); null: a mailto to the support address.</param>
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
    string? StatusCallbackUrl = null,
    bool WhatsAppWindowOpen = false,
    string? UnsubscribeUrl = null,
    bool MayHaveBeenSent = true,
    Branding? Branding = null,
    string? WhatsAppTemplateSid = null,
    DateTimeOffset? LostAttemptAt = null);
