using PostPurchase.Core.Tracking;

namespace PostPurchase.Core.Carriers.EasyPost;

/// <summary>EasyPost's tracker status and status_detail to <see cref="TrackingStatus"/>.</summary>
internal static class EasyPostStatusMap
{
    /// <summary>Maps a status (e.g. "return_to_sender") refined by its detail; unknown values give Unknown.</summary>
    public static TrackingStatus Map(string status, string? detail) => (status, detail) switch
    {
        ("in_transit" or "out_for_delivery", "arrived_at_pickup_location") => TrackingStatus.AvailableForPickup,
        ("in_transit" or "out_for_delivery", "attempted_delivery" or "delivery_attempted") => TrackingStatus.FailedAttempt,
        ("pre_transit", _) => TrackingStatus.InfoReceived,
        ("in_transit", _) => TrackingStatus.InTransit,
        ("out_for_delivery", _) => TrackingStatus.OutForDelivery,
        ("available_for_pickup", _) => TrackingStatus.AvailableForPickup,
        ("delivered", _) => TrackingStatus.Delivered,
        ("return_to_sender", _) => TrackingStatus.ReturnedToSender,
        ("failure", _) => TrackingStatus.Exception,
        // cancelled (label voided), error (EasyPost cannot track) and unknown tell the buyer nothing.
        _ => TrackingStatus.Unknown,
    };
}
