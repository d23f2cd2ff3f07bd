namespace PostPurchase.Core.Growth;

/// <summary>After the review: replenishment, win-back, recommendations, referrals, A/B tests and the weekly marketing cap.</summary>
public sealed record GrowthPolicy
{
    /// <summary>Local hour (buyer's zone) at which replenishment, win-back and referral messages go out.</summary>
    public int LocalHour { get; init; } = 10;

    /// <summary>At most this many marketing messages (reviews, surveys and promotions) per buyer in any 7 days, across all their orders.</summary>
    public int WeeklyMarketingCap { get; init; } = 3;

    /// <summary>A marketing message the weekly cap holds back waits at most this many days, then is recorded as <c>weekly-cap</c>.</summary>
    public int CapWaitDays { get; init; } = 14;

    /// <summary>A later order is credited to the buyer's last click within this many days before it.</summary>
    public int AttributionWindowDays { get; init; } = 14;

    /// <summary>Reminders when a product runs out.</summary>
    public ReplenishmentPolicy Replenishment { get; init; } = new();

    /// <summary>One message when a buyer stops ordering.</summary>
    public WinBackPolicy WinBack { get; init; } = new();

    /// <summary>Complements shown on the tracking page and in the delivered email.</summary>
    public RecommendationPolicy Recommendations { get; init; } = new();

    /// <summary>The referral invitation after a happy CSAT or a used review link.</summary>
    public ReferralPolicy Referral { get; init; } = new();

    /// <summary>Order-sticky A/B tests of marketing messages; at most one enabled test per intent.</summary>
    public IReadOnlyList<Experiment> Experiments { get; init; } = [];
}
