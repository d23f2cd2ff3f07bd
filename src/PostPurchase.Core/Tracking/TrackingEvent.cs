namespace PostPurchase.Core.Tracking;

/// <summary>One carrier scan or status change, normalised from a webhook.</summary>
/// <param name="Provider">Where it came from: aftership, easypost, sendcloud, shippo, generic.</param>
/// <param name="EventId">The provider's id for this event (dedupe key); derived from the payload when the provider has none.</param>
/// <param name="Carrier">The carrier (e.g. "postnl", "fedex") as the provider names it.</param>
/// <param name="RawStatus">The provider's own status/sub-status text, kept for support and for statuses we do not map.</param>
/// <param name="OccurredAt">When the carrier saw it (scan time), not when we received it.</param>
/// <param name="CarrierEstimate">The carrier's current estimated delivery, when given.</param>
/// <param name="OrderReference">Order number the provider echoes back (metadata / order_number), when given.</param>
public sealed record TrackingEvent(
    string Provider,
    string EventId,
    string Carrier,
    string TrackingNumber,
    TrackingStatus Status,
    string RawStatus,
    DateTimeOffset OccurredAt,
    string? Description = null,
    string? Location = null,
    DateTimeOffset? CarrierEstimate = null,
    string? OrderReference = null,
    string? CarrierTrackingUrl = null)
{
    /// <summary>The parcel this event is about.</summary>
    public string ParcelKey => Orders.ParcelKey.Of(TrackingNumber);
}
