using Azure.Data.Tables;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Tracking;

namespace PostPurchase.Functions.Workflows;

/// <summary>The lookups webhooks route by (tracking number and phone to order) and the parking of early carrier events.</summary>
internal interface IOrderIndexes
{
    /// <summary>Indexes the order's parcels and the buyer's phone, so webhooks find it from the moment it exists.</summary>
    Task IndexOrderAsync(Order order, CancellationToken cancellationToken);

    /// <summary>Indexes one parcel of an order.</summary>
    Task IndexParcelAsync(string orderId, ShipmentRef shipment, CancellationToken cancellationToken);

    /// <summary>The order a parcel belongs to, or null when it is not registered.</summary>
    Task<string?> FindOrderAsync(string parcelKey, CancellationToken cancellationToken);

    /// <summary>Keeps an event whose parcel is not registered yet.</summary>
    Task ParkAsync(TrackingEvent trackingEvent, CancellationToken cancellationToken);

    /// <summary>The events parked for <paramref name="parcelKey"/>, left in place until <see cref="ForgetParkedAsync"/>.</summary>
    Task<IReadOnlyList<ParkedEvent>> ParkedAsync(string parcelKey, CancellationToken cancellationToken);

    /// <summary>Forgets a parked event once it was handed to its order.</summary>
    Task ForgetParkedAsync(ParkedEvent parked, CancellationToken cancellationToken);

    /// <summary>Hands every event parked for <paramref name="parcelKey"/> to <paramref name="route"/>, oldest first, forgetting each once routed.</summary>
    Task<int> ReplayParkedAsync(string parcelKey, Func<TrackingEvent, CancellationToken, Task> route, CancellationToken cancellationToken);
}

/// <summary>A carrier event kept until its parcel's order exists, with the row that keeps it.</summary>
internal sealed record ParkedEvent(TrackingEvent Event, TableEntity Row);
