namespace PostPurchase.Core.Orders;

/// <summary>The buyer's standing in the shop's loyalty programme, as the shop sent it with the order.</summary>
/// <param name="Points">Points balance; null when the shop sent only a tier.</param>
/// <param name="Tier">Tier name, e.g. "Gold"; null when the shop sent only points.</param>
public sealed record LoyaltyStatus(int? Points, string? Tier);
