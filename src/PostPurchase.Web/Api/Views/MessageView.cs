using PostPurchase.Core.Timeline;

namespace PostPurchase.Web.Api;

/// <summary>One message as <c>GET /api/orders/{orderId}/messages</c> shows it.</summary>
/// <param name="To">Email address or E.164 number; null when the buyer has none for the channel.</param>
/// <param name="Subject">Email subject as rendered; null for texts and for messages not rendered yet.</param>
/// <param name="Body">The plain-text body as rendered; null until rendered.</param>
/// <param name="Reason">Why it was suppressed.</param>
/// <param name="SettingsVersion">The studio settings version that decided it; null for the configuration file's settings.</param>
/// <param name="OpenedAt">When the provider first reported the buyer opened it (ACS engagement tracking, WhatsApp read receipts).</param>
public sealed record MessageView(
    string Key,
    Intent Intent,
    Channel Channel,
    string? To,
    string Locale,
    string? Subject,
    string? Body,
    MessageStatus Status,
    SuppressionReason? Reason,
    DateTimeOffset ScheduledFor,
    DateTimeOffset? SentAt,
    DateTimeOffset DecidedAt,
    string? ParcelKey,
    string? Error,
    int? SettingsVersion = null,
    DateTimeOffset? OpenedAt = null);
