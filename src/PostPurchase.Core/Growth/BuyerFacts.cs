namespace PostPurchase.Core.Growth;

/// <summary>What an order knows about its buyer across orders: fixed at intake, except <see cref="Activity"/>, which runtimes refresh.</summary>
/// <param name="Key">The buyer's key: a keyed hash of the normalised email, per merchant (never the email itself).</param>
/// <param name="OrderNumber">This order is the buyer's n-th with the shop (1 for a first order).</param>
/// <param name="FirstOrderAt">When the buyer first ordered.</param>
/// <param name="PreviousOrderAt">When the buyer ordered before this order; null for a first order.</param>
/// <param name="Categories">Categories the buyer bought before this order.</param>
/// <param name="ReferralCode">The buyer's personal referral code derived from the key, when the shop set a code prefix.</param>
/// <param name="AttributedTo">The measured link this order came from, when the buyer clicked one within the attribution window.</param>
public sealed record BuyerFacts(
    string Key,
    int OrderNumber,
    DateTimeOffset FirstOrderAt,
    DateTimeOffset? PreviousOrderAt,
    IReadOnlyList<string> Categories,
    string? ReferralCode = null,
    Attribution? AttributedTo = null)
{
    /// <summary>The buyer's marketing across orders as last read; runtimes refresh it before a marketing message goes out.</summary>
    public BuyerActivity Activity { get; init; } = new();

    /// <summary>True when the buyer ordered before.</summary>
    public bool Returning => OrderNumber > 1;
}
