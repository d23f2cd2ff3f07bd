namespace PostPurchase.Core.Shops.Model;

/// <summary>A parcel (or several, one per tracking number) the shop sent, with the lines it holds.</summary>
/// <param name="Id">The platform's id of the fulfilment, delivery or tracking item.</param>
/// <param name="ShippedAt">When the shop handed it over.</param>
/// <param name="UpdatedAt">The fulfilment's own last-modified time: its snapshot age.</param>
/// <param name="ShipmentStatus">The platform's carrier status (Shopify <c>shipment_status</c>), raw; null when it has none.</param>
/// <param name="Cancelled">True when the shop cancelled the fulfilment.</param>
public sealed record ShopFulfilment(
    string Id,
    DateTimeOffset ShippedAt,
    DateTimeOffset UpdatedAt,
    string Carrier,
    IReadOnlyList<string> TrackingNumbers,
    IReadOnlyList<string> TrackingUrls,
    IReadOnlyList<string> Skus,
    string? ShipmentStatus = null,
    bool Cancelled = false);
