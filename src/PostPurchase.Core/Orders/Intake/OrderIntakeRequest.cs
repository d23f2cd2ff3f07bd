namespace PostPurchase.Core.Orders.Intake;

/// <summary>The body of <c>POST /api/orders</c> as received: everything optional, so that validation can name every missing field.</summary>
public sealed record OrderIntakeRequest(
    string? OrderId,
    DateTimeOffset? PlacedAt,
    string? Currency,
    CustomerRequest? Customer,
    IReadOnlyList<OrderItemRequest>? Items,
    TotalsRequest? Totals,
    string? PaymentMethod,
    AddressRequest? ShippingAddress,
    PromiseRequest? Promise,
    IReadOnlyList<ShipmentRequest>? Shipments);

/// <summary>The buyer in an intake request; <c>loyalty</c> is optional.</summary>
public sealed record CustomerRequest(
    string? FirstName, string? LastName, string? Email, string? Phone, string? Locale, string? TimeZone, ConsentRequest? Consent,
    LoyaltyRequest? Loyalty = null);

/// <summary>The buyer's loyalty standing at the shop, shown in referral messages and on the tracking page.</summary>
public sealed record LoyaltyRequest(int? Points, string? Tier);

/// <summary>Consent in an intake request; <c>marketing</c>, <c>source</c> and <c>wordingVersion</c> are optional.</summary>
public sealed record ConsentRequest(bool? Sms, bool? WhatsApp, bool? Marketing = null, string? Source = null, string? WordingVersion = null);

/// <summary>An order line in an intake request; <c>variantId</c> (the shop's variant or product id) feeds reorder links.</summary>
public sealed record OrderItemRequest(
    string? Sku, string? Name, string? Category, int? Quantity, decimal? UnitPrice,
    string? ImageUrl = null, string? ProductUrl = null, string? HowToUrl = null, string? VariantId = null);

/// <summary>Totals in an intake request.</summary>
public sealed record TotalsRequest(decimal? Subtotal, decimal? Discount, decimal? Shipping, decimal? Tax, decimal? Total);

/// <summary>A shipping address in an intake request.</summary>
public sealed record AddressRequest(string? Line1, string? Line2, string? PostalCode, string? City, string? Country);

/// <summary>The delivery promise in an intake request.</summary>
public sealed record PromiseRequest(DateTimeOffset? ShipBy, DateTimeOffset? DeliverBy);

/// <summary>A parcel in an intake request or in <c>POST /api/orders/{id}/shipments</c>.</summary>
public sealed record ShipmentRequest(string? Carrier, string? TrackingNumber, IReadOnlyList<string>? Skus = null);
