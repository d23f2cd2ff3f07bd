namespace PostPurchase.Core.Orders;

/// <summary>The order's amounts in its currency; the discount is a positive amount taken off.</summary>
public sealed record OrderTotals(decimal Subtotal, decimal Discount, decimal Shipping, decimal Tax, decimal Total);
