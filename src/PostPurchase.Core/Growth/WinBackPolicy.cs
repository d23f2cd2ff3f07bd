namespace PostPurchase.Core.Growth;

/// <summary>One message when a buyer has not ordered for a while after their last delivery.</summary>
/// <remarks>Off until the merchant lists categories (e.g. cosmetics 90 days) or sets <see cref="DefaultDays"/>.</remarks>
public sealed record WinBackPolicy
{
    /// <summary>Days without an order after delivery, per category; an order with several takes the shortest.</summary>
    public Dictionary<string, int> CategoryDays { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Days for items of no listed category; null: no win-back for them.</summary>
    public int? DefaultDays { get; init; }

    /// <summary>At most one win-back per buyer within this many days, whatever the number of orders.</summary>
    public int OncePerDays { get; init; } = 180;

    /// <summary>An incentive code the message offers; none when empty.</summary>
    public string? IncentiveCode { get; init; }

    /// <summary>Where the button goes: an absolute URL, <c>{code}</c> is the incentive code (e.g. a Shopify https://shop.example/discount/{code}); the order's first product page otherwise.</summary>
    public string? LandingUrl { get; init; }
}
