using PostPurchase.Core.Tracking;

namespace PostPurchase.Core.Timeline;

/// <summary>One parcel of the order and what its carrier said last.</summary>
/// <param name="Key">See <see cref="Orders.ParcelKey"/>.</param>
/// <param name="Skus">SKUs in this parcel; empty means the whole order.</param>
/// <param name="StatusAt">OccurredAt of the event that set <paramref name="Status"/>; older events never move it back.</param>
/// <param name="Notified">Statuses the buyer was already told about for this parcel.</param>
public sealed record ParcelState(
    string Key,
    string Carrier,
    string TrackingNumber,
    IReadOnlyList<string> Skus,
    TrackingStatus Status,
    DateTimeOffset? StatusAt,
    DateTimeOffset? FirstScanAt,
    DateTimeOffset? LastScanAt,
    DateTimeOffset? CarrierEstimate,
    DateTimeOffset? DeliveredAt,
    string? LastLocation,
    string? CarrierTrackingUrl,
    IReadOnlyList<TrackingStatus> Notified);
