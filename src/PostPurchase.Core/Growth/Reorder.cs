namespace PostPurchase.Core.Growth;

/// <summary>A later order of the same buyer, as this order's timeline learnt of it.</summary>
/// <param name="Attributed">True when the later order is credited to a link of this order (the buyer's last click within the attribution window).</param>
public sealed record Reorder(string OrderId, DateTimeOffset PlacedAt, IReadOnlyList<string> Skus, decimal Total, string Currency, bool Attributed);
