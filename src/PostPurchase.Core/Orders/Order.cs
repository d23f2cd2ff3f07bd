namespace PostPurchase.Core.Orders;

/// <summary>An order as the shop placed it: the facts every message and page is built from.</summary>
public sealed record Order(
    string OrderId,
    DateTimeOffset PlacedAt,
    string Currency,
    Customer Customer,
    IReadOnlyList<OrderItem> Items,
    OrderTotals Totals,
    string PaymentMethod,
    Address ShippingAddress,
    DeliveryPromise Promise,
    IReadOnlyList<ShipmentRef> Shipments);
