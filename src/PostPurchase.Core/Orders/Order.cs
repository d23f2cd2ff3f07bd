namespace PostPurchase.Core.Orders;

/// <summary>An order as the shop placed it: the facts every message and page is built from.</summary>
/// <param name="DisplayNumber">The number the buyer knows the order by in the shop (e.g. "#1042"), when it differs from the id.</param>
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
    IReadOnlyList<ShipmentRef> Shipments,
    string? DisplayNumber = null);
