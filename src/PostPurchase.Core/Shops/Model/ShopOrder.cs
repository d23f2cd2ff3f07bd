using PostPurchase.Core.Orders;

namespace PostPurchase.Core.Shops.Model;

/// <summary>An order as one shop delivery (or API read) showed it: a snapshot, newer ones replace older ones.</summary>
/// <param name="ShopOrderId">The platform's id, kept as text (Shopify ids exceed 2^53).</param>
/// <param name="Number">What the buyer knows the order by ("#1042", "4711").</param>
/// <param name="UpdatedAt">The platform's last-modified time: the snapshot's age.</param>
/// <param name="NotPlaceable">Why this snapshot does not start a timeline (a draft, unpaid, a test order); null when it does.</param>
/// <param name="CancelledReason">Set when the order is cancelled ("customer", "inventory", or "cancelled").</param>
/// <param name="RefundedInFull">True when the platform says the whole order was refunded (WooCommerce status <c>refunded</c>).</param>
public sealed record ShopOrder(
    string Platform,
    string ShopOrderId,
    string Number,
    DateTimeOffset PlacedAt,
    DateTimeOffset UpdatedAt,
    string? NotPlaceable,
    string? CancelledReason,
    bool RefundedInFull,
    string Currency,
    ShopBuyer Buyer,
    IReadOnlyList<ShopLine> Lines,
    OrderTotals Totals,
    string PaymentMethod,
    ShopAddress? Shipping,
    ShopAddress? Billing,
    IReadOnlyList<ShopFulfilment> Fulfilments,
    IReadOnlyList<ShopRefund> Refunds)
{
    /// <summary>The id of this order's timeline.</summary>
    public string OrderId => ShopPlatforms.OrderId(Platform, ShopOrderId);

    /// <summary>True when at least one line is a physical good.</summary>
    public bool RequiresShipping => Lines.Any(l => l.RequiresShipping);
}
