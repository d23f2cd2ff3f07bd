namespace PostPurchase.Core.Shops.Model;

/// <summary>A refund the shop made on an order.</summary>
/// <param name="Amount">The money refunded, when the payload says.</param>
/// <param name="Returned">True when goods came back (Shopify <c>restock_type</c> <c>return</c>).</param>
public sealed record ShopRefund(string Id, DateTimeOffset At, decimal? Amount, bool Returned, string? Reason);
