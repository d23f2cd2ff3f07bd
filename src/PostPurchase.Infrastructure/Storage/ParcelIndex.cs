using System.Collections.Concurrent;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Tracking;

namespace PostPurchase.Infrastructure.Storage;

/// <summary>The tracking-number index (parcel key -> order) and the parking table for events that arrive before their parcel is registered.</summary>
internal sealed class ParcelIndex(StorageAccount storage)
{
    private const string IndexRow = "order";
    private const int CacheLimit = 200_000;
    private readonly ConcurrentDictionary<string, string> _cache = new(StringComparer.Ordinal);

    /// <summary>
    /// Records that <paramref name="parcelKey"/> belongs to <paramref name="orderId"/> (the latest registration wins). Returns false
    /// when the parcel was new: no event can be parked for it (parking leaves a placeholder entry first), so the caller skips the
    /// parking lookup; true when an entry existed (a placeholder, or a registration before) and parked events may wait.
    /// </summary>
    public async Task<bool> RegisterAsync(string parcelKey, string carrier, string orderId, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(KeyEncoder.Encode(parcelKey), IndexRow) { ["OrderId"] = orderId, ["Carrier"] = carrier };
        try
        {
            await storage.Parcels.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            Remember(parcelKey, orderId);
            return false;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Registered before, or events were parked for it: replace the entry and let the caller replay.
        }

        await storage.Parcels.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        Remember(parcelKey, orderId);
        return true;
    }

    /// <summary>The order that registered <paramref name="parcelKey"/>, or null.</summary>
    public async Task<string?> FindAsync(string parcelKey, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(parcelKey, out var cached))
        {
            return cached;
        }

        var response = await storage.Parcels.GetEntityIfExistsAsync<TableEntity>(
            KeyEncoder.Encode(parcelKey), IndexRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!response.HasValue || response.Value!.GetString("OrderId") is not { } orderId)
        {
            return null;
        }

        Remember(parcelKey, orderId);
        return orderId;
    }

    /// <summary>
    /// Deletes <paramref name="parcelKey"/>'s index entry and its parked events when the entry is <paramref name="orderId"/>'s or gone
    /// (a parcel another order registered later is left alone). Returns how many rows were deleted.
    /// </summary>
    public async Task<(int Index, int Parked)> ForgetAsync(string parcelKey, string orderId, CancellationToken cancellationToken)
    {
        _cache.TryRemove(KeyValuePair.Create(parcelKey, orderId));
        var response = await storage.Parcels.GetEntityIfExistsAsync<TableEntity>(
            KeyEncoder.Encode(parcelKey), IndexRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        var index = 0;
        if (response.HasValue)
        {
            if (!string.Equals(response.Value!.GetString("OrderId"), orderId, StringComparison.Ordinal))
            {
                return (0, 0);
            }

            try
            {
                var deleted = await storage.Parcels.DeleteEntityAsync(response.Value, response.Value.ETag, cancellationToken).ConfigureAwait(false);
                index = deleted.Status == 404 ? 0 : 1;
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // Re-registered meanwhile (by another order or a replay): the newer entry stays.
                return (0, 0);
            }
        }

        var parked = 0;
        foreach (var (_, row) in await ParkedAsync(parcelKey, cancellationToken).ConfigureAwait(false))
        {
            var deleted = await storage.Parked.DeleteEntityAsync(row, ETag.All, cancellationToken).ConfigureAwait(false);
            parked += deleted.Status == 404 ? 0 : 1;
        }

        return (index, parked);
    }

    /// <summary>
    /// Keeps an event whose parcel nobody registered yet. A placeholder index entry (no order) is written first, so a registration
    /// that comes after it finds an entry and looks for parked events; a crash between the two writes costs one needless lookup.
    /// </summary>
    public async Task ParkAsync(TrackingEvent trackingEvent, CancellationToken cancellationToken)
    {
        var partition = KeyEncoder.Encode(trackingEvent.ParcelKey);
        try
        {
            await storage.Parcels.AddEntityAsync(new TableEntity(partition, IndexRow) { ["Parked"] = true }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Registered meanwhile (the caller looks again), or a placeholder from an earlier parked event.
        }

        var entity = new TableEntity(partition, KeyEncoder.Encode($"{trackingEvent.Provider}:{trackingEvent.EventId}"))
        {
            ["Event"] = JsonSerializer.Serialize(trackingEvent, CoreJson.Options),
        };
        await storage.Parked.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every event parked for <paramref name="parcelKey"/>, with the row to delete once it is safely routed.</summary>
    public async Task<IReadOnlyList<(TrackingEvent Event, TableEntity Row)>> ParkedAsync(string parcelKey, CancellationToken cancellationToken)
    {
        var parked = new List<(TrackingEvent, TableEntity)>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {KeyEncoder.Encode(parcelKey)}");
        await foreach (var row in storage.Parked.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var trackingEvent = JsonSerializer.Deserialize<TrackingEvent>(row.GetString("Event") ?? "null", CoreJson.Options)
                ?? throw new InvalidDataException($"Parked row {row.PartitionKey}/{row.RowKey} has no event.");
            parked.Add((trackingEvent, row));
        }

        return parked;
    }

    public Task DeleteParkedAsync(TableEntity row, CancellationToken cancellationToken) =>
        storage.Parked.DeleteEntityAsync(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken);

    private void Remember(string parcelKey, string orderId)
    {
        if (_cache.Count > CacheLimit)
        {
            _cache.Clear();
        }

        _cache[parcelKey] = orderId;
    }
}
