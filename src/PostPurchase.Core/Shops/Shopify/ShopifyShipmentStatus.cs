using PostPurchase.Core.Tracking;

namespace PostPurchase.Core.Shops.Shopify;

/// <summary>Shopify's own carrier statuses (<c>shipment_status</c>, fulfilment event <c>status</c>) on the common list; new values stay unknown.</summary>
public static class ShopifyShipmentStatus
{
    /// <summary>The status for <paramref name="raw"/>, lower or upper case; <see cref="TrackingStatus.Unknown"/> for values not mapped yet.</summary>
    public static TrackingStatus Map(string? raw) => raw?.Trim().ToLowerInvariant() switch
    {
        "label_printed" or "label_purchased" or "confirmed" => TrackingStatus.InfoReceived,
        "in_transit" or "carrier_picked_up" or "picked_up" or "delayed" => TrackingStatus.InTransit,
        "out_for_delivery" => TrackingStatus.OutForDelivery,
        "attempted_delivery" => TrackingStatus.FailedAttempt,
        "ready_for_pickup" or "ready_for_recipient_pickup" => TrackingStatus.AvailableForPickup,
        "delivered" => TrackingStatus.Delivered,
        "failure" or "buyer_action_required" => TrackingStatus.Exception,
        "returning_to_sender" => TrackingStatus.ReturnedToSender,
        _ => TrackingStatus.Unknown,
    };
}
