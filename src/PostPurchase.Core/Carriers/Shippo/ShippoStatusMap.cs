using PostPurchase.Core.Tracking;

namespace PostPurchase.Core.Carriers.Shippo;

/// <summary>Shippo's status and substatus code to <see cref="TrackingStatus"/>; substatuses refine TRANSIT only.</summary>
internal static class ShippoStatusMap
{
    /// <summary>Maps e.g. ("TRANSIT", "out_for_delivery"); unknown values give Unknown.</summary>
    public static TrackingStatus Map(string status, string? substatus) => status.ToUpperInvariant() switch
    {
        "PRE_TRANSIT" => TrackingStatus.InfoReceived,
        "TRANSIT" => Transit(substatus),
        "DELIVERED" => TrackingStatus.Delivered,
        "RETURNED" => TrackingStatus.ReturnedToSender,
        "FAILURE" => TrackingStatus.Exception,
        _ => TrackingStatus.Unknown,
    };

    private static TrackingStatus Transit(string? substatus) => substatus switch
    {
        "out_for_delivery" => TrackingStatus.OutForDelivery,
        "pickup_available" => TrackingStatus.AvailableForPickup,
        "delivery_attempted" or "notice_left" or "location_inaccessible" => TrackingStatus.FailedAttempt,
        "address_issue" or "contact_carrier" or "package_damaged" or "package_held" => TrackingStatus.Exception,
        _ => TrackingStatus.InTransit,
    };
}
