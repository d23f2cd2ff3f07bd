using PostPurchase.Core.Growth;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Core.Policies;

/// <summary>Every knob of the timeline a merchant may turn; bound from the <c>PostPurchase:Policy</c> configuration section.</summary>
public sealed record TimelinePolicy
{
    /// <summary>The documented defaults.</summary>
    public static TimelinePolicy Default { get; } = new();

    /// <summary>When and how to ask for a review.</summary>
    public ReviewPolicy Review { get; init; } = new();

    /// <summary>The satisfaction survey before the review request.</summary>
    public CsatPolicy Csat { get; init; } = new();

    /// <summary>Thresholds of the proactive delay alerts.</summary>
    public DelayPolicy Delays { get; init; } = new();

    /// <summary>When SMS/WhatsApp may not go out, per country.</summary>
    public QuietHoursPolicy QuietHours { get; init; } = new();

    /// <summary>At most this many non-essential messages per customer per local day.</summary>
    public int FatigueCapPerDay { get; init; } = 3;

    /// <summary>Intents also sent by SMS/WhatsApp (when consented); email carries every intent.</summary>
    public IReadOnlyList<Intent> TextIntents { get; init; } =
    [
        Intent.Shipped, Intent.OutForDelivery, Intent.Delivered, Intent.DeliveryFailedAttempt,
        Intent.AvailableForPickup, Intent.DeliveryException, Intent.DelayEstimateSlipped, Intent.DelayOverdue,
    ];

    /// <summary>Channels switched off per intent (email included); an intent's other channels still go.</summary>
    public IReadOnlyList<ChannelSwitch> ChannelsOff { get; init; } = [];

    /// <summary>Days after delivery in which the buyer may start a return.</summary>
    public int ReturnWindowDays { get; init; } = 30;

    /// <summary>Repeat purchase: replenishment, win-back, recommendations, referrals, A/B tests and the weekly marketing cap.</summary>
    public GrowthPolicy Growth { get; init; } = new();

    /// <summary>The merchant-studio settings version this policy comes from; null for the configuration file's defaults.</summary>
    /// <remarks>The decider stamps it on every message it plans, releases or suppresses, so the order page can say which version decided it.</remarks>
    public int? SettingsVersion { get; init; }
}
