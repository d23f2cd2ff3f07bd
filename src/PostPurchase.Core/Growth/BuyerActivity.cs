using PostPurchase.Core.Timeline;

namespace PostPurchase.Core.Growth;

/// <summary>The buyer's marketing across all their orders: what went out lately, their marketing consent as last recorded.</summary>
public sealed record BuyerActivity
{
    /// <summary>Marketing messages sent (or reserved to send) to the buyer lately, one per update, oldest first.</summary>
    public IReadOnlyList<MarketingSend> RecentMarketing { get; init; } = [];

    /// <summary>The last win-back the buyer got, from any order.</summary>
    public MarketingSend? LastWinBack { get; init; }

    /// <summary>The buyer's marketing consent as last recorded on any order (checkout grant or unsubscribe).</summary>
    public ConsentRecord? MarketingConsent { get; init; }

    /// <summary>The referral code the buyer was given from the shop's pool, once one was claimed.</summary>
    public string? PoolCode { get; init; }
}
