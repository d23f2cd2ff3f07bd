namespace PostPurchase.Core.Tracking;

/// <summary>A parcel's status, normalised across carriers and aggregators.</summary>
public enum TrackingStatus
{
    /// <summary>A status we could not map; kept, never acted on.</summary>
    Unknown,
    /// <summary>Label created; the carrier knows of the parcel but has not scanned it.</summary>
    InfoReceived,
    /// <summary>Scanned by the carrier and moving.</summary>
    InTransit,
    /// <summary>On the vehicle for delivery today.</summary>
    OutForDelivery,
    /// <summary>A delivery attempt failed; the carrier usually retries.</summary>
    FailedAttempt,
    /// <summary>Waiting at a pick-up point or locker.</summary>
    AvailableForPickup,
    /// <summary>Delivered to the buyer or their address.</summary>
    Delivered,
    /// <summary>Held, damaged, lost, refused, address problem, customs hold.</summary>
    Exception,
    /// <summary>On its way back to the shop, or back already.</summary>
    ReturnedToSender,
    /// <summary>No tracking information for a long time; the aggregator stopped tracking.</summary>
    Expired,
}
