using PostPurchase.Core.Growth;

namespace PostPurchase.Infrastructure.Buyers;

/// <summary>Everything kept about one buyer across orders (one row of table <c>Buyers</c>, keyed by the buyer key); no email, no name.</summary>
public sealed record BuyerProfile
{
    /// <summary>The buyer's orders, oldest first (at most <see cref="MaxOrders"/>).</summary>
    public IReadOnlyList<BuyerOrder> Orders { get; init; } = [];

    /// <summary>Measured links the buyer followed lately, on any order, oldest first (at most <see cref="MaxClicks"/>).</summary>
    public IReadOnlyList<Attribution> Clicks { get; init; } = [];

    /// <summary>Marketing sent lately, the last win-back, marketing consent as last recorded, the pool code.</summary>
    public BuyerActivity Activity { get; init; } = new();

    /// <summary>Orders kept per buyer (the newest).</summary>
    public const int MaxOrders = 500;

    /// <summary>Clicks kept per buyer (the newest); attribution only looks back a few weeks.</summary>
    public const int MaxClicks = 50;

    /// <summary>Categories of every order kept.</summary>
    public IReadOnlyList<string> Categories => Orders.SelectMany(o => o.Categories).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}

/// <summary>One order of a buyer profile.</summary>
public sealed record BuyerOrder(string OrderId, DateTimeOffset PlacedAt, IReadOnlyList<string> Categories);
