namespace PostPurchase.Core.Timeline;

/// <summary>Where the order is, as the buyer and the merchant see it.</summary>
public enum OrderStatus
{
    /// <summary>Placed and confirmed; nothing scanned yet.</summary>
    Confirmed,
    /// <summary>Some parcels scanned by the carrier, not all.</summary>
    PartiallyShipped,
    /// <summary>Every parcel scanned; none delivered yet.</summary>
    Shipped,
    /// <summary>Some parcels delivered, not all.</summary>
    PartiallyDelivered,
    /// <summary>Every parcel delivered.</summary>
    Delivered,
    /// <summary>Cancelled before shipping.</summary>
    Cancelled,
    /// <summary>The buyer started a return.</summary>
    ReturnRequested,
    /// <summary>Returned to the shop (by the buyer or the carrier).</summary>
    Returned,
    /// <summary>Refunded by the merchant.</summary>
    Refunded,
}
