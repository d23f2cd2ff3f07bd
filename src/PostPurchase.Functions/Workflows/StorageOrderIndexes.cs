using PostPurchase.Core.Orders;
using PostPurchase.Core.Tracking;
using PostPurchase.Infrastructure.Storage;

namespace PostPurchase.Functions.Workflows;

/// <summary><see cref="IOrderIndexes"/> on the same index tables the self-hosted runtime uses (the shared storage services).</summary>
internal sealed class StorageOrderIndexes(StorageAccount storage, ParcelIndex parcels, PhoneDirectory phones) : IOrderIndexes
{
    public async Task IndexOrderAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        await storage.EnsureCreatedAsync(cancellationToken);
        foreach (var shipment in order.Shipments)
        {
            await parcels.RegisterAsync(shipment.Key, shipment.Carrier, order.OrderId, cancellationToken);
        }
        if (!string.IsNullOrWhiteSpace(order.Customer.Phone))
        {
            await phones.AddAsync(order.Customer.Phone, order.OrderId, cancellationToken);
        }
    }

    public async Task IndexParcelAsync(string orderId, ShipmentRef shipment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        await storage.EnsureCreatedAsync(cancellationToken);
        await parcels.RegisterAsync(shipment.Key, shipment.Carrier, orderId, cancellationToken);
    }

    public async Task<string?> FindOrderAsync(string parcelKey, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        return await parcels.FindAsync(parcelKey, cancellationToken);
    }

    public Task ParkAsync(TrackingEvent trackingEvent, CancellationToken cancellationToken) => parcels.ParkAsync(trackingEvent, cancellationToken);

    public async Task<IReadOnlyList<ParkedEvent>> ParkedAsync(string parcelKey, CancellationToken cancellationToken) =>
        [.. (await parcels.ParkedAsync(parcelKey, cancellationToken)).Select(p => new ParkedEvent(p.Event, p.Row))];

    public Task ForgetParkedAsync(ParkedEvent parked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parked);
        return parcels.DeleteParkedAsync(parked.Row, cancellationToken);
    }

    public async Task<int> ReplayParkedAsync(string parcelKey, Func<TrackingEvent, CancellationToken, Task> route, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(route);
        var parked = await ParkedAsync(parcelKey, cancellationToken);
        foreach (var early in parked.OrderBy(p => p.Event.OccurredAt))
        {
            await route(early.Event, cancellationToken);
            await ForgetParkedAsync(early, cancellationToken);
        }
        return parked.Count;
    }
}
