using PostPurchase.Core.Tracking;

namespace PostPurchase.Core.Carriers.AfterShip;

/// <summary>AfterShip's tag and sub-tag to <see cref="TrackingStatus"/>; sub-tags refine their tag.</summary>
internal static class AfterShipStatusMap
{
    /// <summary>Maps a tag (e.g. "Exception") and optional sub-tag (e.g. "Exception_011"); unknown values give Unknown.</summary>
    public static TrackingStatus Map(string tag, string? subtag) => subtag switch
    {
        // Returning to sender and returned to sender are exceptions in AfterShip, their own status here.
        "Exception_010" or "Exception_011" => TrackingStatus.ReturnedToSender,
        // Before AvailableForPickup_001 existed, a parcel at a pick-up point was OutForDelivery_002.
        "OutForDelivery_002" => TrackingStatus.AvailableForPickup,
        _ => tag switch
        {
            "Pending" or "InfoReceived" => TrackingStatus.InfoReceived,
            "InTransit" => TrackingStatus.InTransit,
            "OutForDelivery" => TrackingStatus.OutForDelivery,
            "AttemptFail" => TrackingStatus.FailedAttempt,
            "AvailableForPickup" => TrackingStatus.AvailableForPickup,
            "Delivered" => TrackingStatus.Delivered,
            "Exception" => TrackingStatus.Exception,
            "Expired" => TrackingStatus.Expired,
            _ => TrackingStatus.Unknown,
        },
    };
}
