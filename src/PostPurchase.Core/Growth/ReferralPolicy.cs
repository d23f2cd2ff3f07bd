namespace PostPurchase.Core.Growth;

/// <summary>The referral invitation: a personal code and the merchant's reward text, after a happy CSAT or a used review link.</summary>
public sealed record ReferralPolicy
{
    /// <summary>Whether to invite at all (off by default: it needs a reward the shop honours).</summary>
    public bool Enabled { get; init; }

    /// <summary>Prefix of the codes derived from the buyer's key (e.g. "FRIEND-"); the shop must accept codes starting with it.</summary>
    public string CodePrefix { get; init; } = "";

    /// <summary>Codes the shop created beforehand; each buyer gets one of them (the derived code when the pool is empty or used up).</summary>
    public List<string> CodePool { get; init; } = [];

    /// <summary>What the friend and the buyer get, per locale (e.g. "en" = "10% off for your friend, €10 credit for you").</summary>
    public Dictionary<string, string> RewardText { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Where a friend lands: an absolute URL with <c>{code}</c>, e.g. https://shop.example/?ref={code}.</summary>
    public string? ShareUrlTemplate { get; init; }
}
