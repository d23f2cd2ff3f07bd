using System.Collections.Frozen;
using PostPurchase.Core.Tracking;

namespace PostPurchase.Core.Carriers.Sendcloud;

/// <summary>Sendcloud's numeric parcel status (with its message as a fallback) to <see cref="TrackingStatus"/>.</summary>
/// <remarks>
/// Sendcloud lists its ids at <c>GET /api/v2/parcels/statuses</c> and adds new ones over time. Known ids map
/// directly; for any other id the English status message is recognised by its words; what is left is Unknown.
/// </remarks>
internal static class SendcloudStatusMap
{
    private static readonly FrozenDictionary<long, TrackingStatus> ById = new Dictionary<long, TrackingStatus>
    {
        [1] = TrackingStatus.InfoReceived,        // Ready to send / announced
        [3] = TrackingStatus.InTransit,           // En route to sorting center
        [4] = TrackingStatus.InTransit,           // Delivery delayed
        [5] = TrackingStatus.InTransit,           // Sorted
        [7] = TrackingStatus.InTransit,           // Being sorted
        [8] = TrackingStatus.FailedAttempt,       // Delivery attempt failed
        [11] = TrackingStatus.Delivered,          // Delivered
        [12] = TrackingStatus.AvailableForPickup, // Awaiting customer pickup
        [22] = TrackingStatus.InTransit,          // Shipment picked up by driver
        [91] = TrackingStatus.InTransit,          // Parcel en route
        [92] = TrackingStatus.OutForDelivery,     // Driver en route
        [93] = TrackingStatus.Delivered,          // Shipment collected by customer
        [1000] = TrackingStatus.InfoReceived,     // Ready to send
        [1001] = TrackingStatus.InfoReceived,     // Being announced
    }.ToFrozenDictionary();

    // Checked in order: the first phrase found in the message decides.
    private static readonly (string Phrase, TrackingStatus Status)[] ByMessage =
    [
        ("return", TrackingStatus.ReturnedToSender),
        ("attempt", TrackingStatus.FailedAttempt),
        ("unable to deliver", TrackingStatus.Exception),
        ("not delivered", TrackingStatus.Exception),
        ("undeliver", TrackingStatus.Exception),
        ("refused", TrackingStatus.Exception),
        ("exception", TrackingStatus.Exception),
        ("address invalid", TrackingStatus.Exception),
        ("lost", TrackingStatus.Exception),
        ("damaged", TrackingStatus.Exception),
        ("cancel", TrackingStatus.Unknown),
        ("awaiting customer pickup", TrackingStatus.AvailableForPickup),
        ("ready for pickup", TrackingStatus.AvailableForPickup),
        ("collected by customer", TrackingStatus.Delivered),
        ("delivered", TrackingStatus.Delivered),
        ("driver en route", TrackingStatus.OutForDelivery),
        ("out for delivery", TrackingStatus.OutForDelivery),
        ("en route", TrackingStatus.InTransit),
        ("sort", TrackingStatus.InTransit),
        ("picked up", TrackingStatus.InTransit),
        ("in transit", TrackingStatus.InTransit),
        ("delayed", TrackingStatus.InTransit),
        ("ready to send", TrackingStatus.InfoReceived),
        ("announced", TrackingStatus.InfoReceived),
    ];

    /// <summary>Maps a status id and its message; unknown ones give Unknown.</summary>
    public static TrackingStatus Map(long id, string? message)
    {
        if (ById.TryGetValue(id, out var status))
        {
            return status;
        }
        if (string.IsNullOrWhiteSpace(message))
        {
            return TrackingStatus.Unknown;
        }
        foreach (var (phrase, byMessage) in ByMessage)
        {
            if (message.Contains(phrase, StringComparison.OrdinalIgnoreCase))
            {
                return byMessage;
            }
        }
        return TrackingStatus.Unknown;
    }
}
