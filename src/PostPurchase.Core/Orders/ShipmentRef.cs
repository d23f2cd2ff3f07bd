namespace PostPurchase.Core.Orders;

/// <summary>A parcel as the shop registers it: carrier, tracking number and, optionally, which SKUs it holds.</summary>
/// <param name="Skus">SKUs in this parcel; empty means "the whole order" (or unknown).</param>
public sealed record ShipmentRef(string Carrier, string TrackingNumber, IReadOnlyList<string>? Skus = null)
{
    /// <summary>The key that identifies the parcel across providers (see ParcelKey).</summary>
    public string Key => ParcelKey.Of(TrackingNumber);
}
