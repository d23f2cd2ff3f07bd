using PostPurchase.Core.Orders;
using PostPurchase.Core.Tracking;
using PostPurchase.Functions.Workflows;

namespace PostPurchase.Functions.Tests.Support;

/// <summary>An in-memory <see cref="IOrderIndexes"/>: parcel keys to orders and parked events.</summary>
internal sealed class RecordingOrderIndexes : IOrderIndexes
{
    public Dictionary<string, string> Parcels { get; } = new(StringComparer.Ordinal);

    public List<TrackingEvent> Parked { get; } = [];

    /// <summary>Runs after an event is parked: lets a test register the parcel at that moment.</summary>
    public Action<TrackingEvent>? AfterPark { get; set; }

    public Task IndexOrderAsync(Order order, CancellationToken cancellationToken)
    {
        foreach (var shipment in order.Shipments)
        {
            Parcels[shipment.Key] = order.OrderId;
        }
        return Task.CompletedTask;
    }

    public Task IndexParcelAsync(string orderId, ShipmentRef shipment, CancellationToken cancellationToken)
    {
        Parcels[shipment.Key] = orderId;
        return Task.CompletedTask;
    }

    public Task<string?> FindOrderAsync(string parcelKey, CancellationToken cancellationToken) =>
        Task.FromResult(Parcels.GetValueOrDefault(parcelKey));

    public Task ParkAsync(TrackingEvent trackingEvent, CancellationToken cancellationToken)
    {
        Parked.Add(trackingEvent);
        AfterPark?.Invoke(trackingEvent);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ParkedEvent>> ParkedAsync(string parcelKey, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ParkedEvent>>([.. Parked.Where(e => e.ParcelKey == parcelKey).Select(e => new ParkedEvent(e, new Azure.Data.Tables.TableEntity(e.ParcelKey, e.EventId)))]);

    public Task ForgetParkedAsync(ParkedEvent parked, CancellationToken cancellationToken)
    {
        Parked.Remove(parked.Event);
        return Task.CompletedTask;
    }

    public async Task<int> ReplayParkedAsync(string parcelKey, Func<TrackingEvent, CancellationToken, Task> route, CancellationToken cancellationToken)
    {
        var due = Parked.Where(e => e.ParcelKey == parcelKey).OrderBy(e => e.OccurredAt).ToList();
        foreach (var trackingEvent in due)
        {
            await route(trackingEvent, cancellationToken);
            Parked.Remove(trackingEvent);
        }
        return due.Count;
    }
}
