using System.Net;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using PostPurchase.Infrastructure.Runtime;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Infrastructure.Storage;

/// <summary>
/// Erases one order: its tracking-number and phone index entries, its place in the buyer's profile, its pending wake-ups and parked events, then its whole
/// <c>Orders</c> partition. The partition goes last, so an erasure cut short is finished by running it again.
/// </summary>
internal sealed partial class OrderDataEraser(
    StorageAccount storage,
    ParcelIndex parcels,
    PhoneDirectory phones,
    WakeupIndex wakeups,
    StateCache cache,
    ILogger<OrderDataEraser> log,
    Buyers.IBuyerProfiles? buyers = null) : IOrderDataEraser
{
    private const int MaxBatch = 100;

    public async Task EraseAsync(string orderId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var partition = KeyEncoder.Encode(orderId);
        var stateRow = await storage.Orders.GetEntityIfExistsAsync<TableEntity>(partition, StateRow.RowKey, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        int parcelRows = 0, parkedRows = 0, phoneRows = 0, wakeupRows = 0;
        if (stateRow.HasValue)
        {
            var loaded = StateRow.FromEntity(stateRow.Value!);
            var state = loaded.State;
            var parcelKeys = state.Parcels.Select(p => p.Key).Concat(state.Order.Shipments.Select(s => s.Key)).Distinct(StringComparer.Ordinal);
            foreach (var parcelKey in parcelKeys)
            {
                var (index, parked) = await parcels.ForgetAsync(parcelKey, orderId, cancellationToken).ConfigureAwait(false);
                parcelRows += index;
                parkedRows += parked;
            }

            if (!string.IsNullOrWhiteSpace(state.Order.Customer.Phone)
                && await phones.RemoveAsync(state.Order.Customer.Phone, orderId, cancellationToken).ConfigureAwait(false))
            {
                phoneRows++;
            }

            // The buyer profile forgets the order too, and goes with the buyer's last order.
            if (state.Buyer is { } buyer && buyers is not null)
            {
                await buyers.ForgetOrderAsync(buyer.Key, orderId, cancellationToken).ConfigureAwait(false);
            }

            foreach (var due in loaded.Indexed.Append(state.NextWakeAt ?? default).Where(d => d != default).Distinct())
            {
                if (await wakeups.DeleteOneAsync(WakeupIndex.For(orderId, due), cancellationToken).ConfigureAwait(false))
                {
                    wakeupRows++;
                }
            }
        }

        cache.Forget(orderId);
        var (messages, events, other) = await DeletePartitionAsync(partition, cancellationToken).ConfigureAwait(false);
        cache.Forget(orderId);
        LogErased(orderId, messages, events, other, parcelRows, parkedRows, phoneRows, wakeupRows);
    }

    /// <summary>Deletes every row of the partition in entity-group transactions; returns the message, event and other rows deleted.</summary>
    private async Task<(int Messages, int Events, int Other)> DeletePartitionAsync(string partition, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        await foreach (var row in storage.Orders.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken)
            .ConfigureAwait(false))
        {
            rows.Add(row);
        }

        foreach (var chunk in rows.Chunk(MaxBatch))
        {
            try
            {
                await storage.Orders.SubmitTransactionAsync(
                    chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(r.PartitionKey, r.RowKey), ETag.All)),
                    cancellationToken).ConfigureAwait(false);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
            {
                // Another erasure got some of them first: delete the rest one by one (a missing row is fine there).
                foreach (var row in chunk)
                {
                    await storage.Orders.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        var messages = rows.Count(r => r.RowKey.StartsWith(MessageRow.Prefix, StringComparison.Ordinal));
        var events = rows.Count(r => r.RowKey.StartsWith("evt|", StringComparison.Ordinal));
        return (messages, events, rows.Count - messages - events);
    }

    [LoggerMessage(Level = LogLevel.Information, Message =
        "Erased order {OrderId}: {Messages} message rows, {Events} event rows, {Other} other order rows, {Parcels} parcel index entries, " +
        "{Parked} parked events, {Phones} phone index entries, {Wakeups} wake-up rows")]
    private partial void LogErased(string orderId, int messages, int events, int other, int parcels, int parked, int phones, int wakeups);
}
