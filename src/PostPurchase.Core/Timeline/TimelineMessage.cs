namespace PostPurchase.Core.Timeline;

/// <summary>A message the timeline decided on: to send now, later, or never (suppressed, with the reason).</summary>
/// <param name="Key">Idempotency key, unique per order: see <see cref="MessageKey"/>.</param>
/// <param name="To">Email address or E.164 number; null when the buyer has none for this channel.</param>
/// <param name="Essential">Confirmation and delivery problems: never capped, never deferred by fatigue.</param>
/// <param name="ScheduledFor">When it may go out (quiet hours and local send hours move it forward).</param>
/// <param name="ParcelKey">The parcel it is about, for per-parcel intents.</param>
/// <param name="Facts">Intent-specific facts the templates show (e.g. "cause", "newEstimate", "reason").</param>
/// <param name="OpenedAt">When the provider first reported the buyer opened it (WhatsApp read receipts); null when unknown.</param>
/// <param name="SettingsVersion">The merchant-studio settings version of the decision that last set its status; null for the configuration file's defaults.</param>
public sealed record TimelineMessage(
    string Key,
    Intent Intent,
    Channel Channel,
    string? To,
    string Locale,
    MessagePurpose Purpose,
    bool Essential,
    MessageStatus Status,
    DateTimeOffset DecidedAt,
    DateTimeOffset ScheduledFor,
    SuppressionReason? Reason = null,
    string? ParcelKey = null,
    IReadOnlyDictionary<string, string>? Facts = null,
    DateTimeOffset? SentAt = null,
    string? ProviderMessageId = null,
    string? Error = null,
    DateTimeOffset? OpenedAt = null,
    int? SettingsVersion = null);
