using Azure.Data.Tables;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Infrastructure.Storage;

/// <summary>
/// Finds the message rows the outbox sweep must handle by reading only the orders the open-orders index lists for the outbox,
/// one partition query each; an order found with nothing left in the outbox is released from the index.
/// </summary>
internal sealed class OutboxAttention(StorageAccount storage, OpenOrderIndex index, OpenOrderIndexBuild build)
{
    private const int Parallelism = 8;

    /// <summary>
    /// Rows the sweep must act on: pending ones, retries due by <paramref name="now"/>, and claims older than their lease; with
    /// <paramref name="upcoming"/> also retries not yet due and claims still leased, so a sweep after a restart learns when they fall due.
    /// </summary>
    public Task<IReadOnlyList<TableEntity>> NeedingAttentionAsync(DateTimeOffset now, bool upcoming, CancellationToken cancellationToken) =>
        NeedingAttentionAsync(now, upcoming, new HashSet<Channel>(), cancellationToken);

    /// <summary>
    /// As above, and every retry of the <paramref name="retryNow"/> channels whatever its time: their provider accepts again after a
    /// spell of trouble, so what it held back goes now instead of when each message's backoff ends.
    /// </summary>
    public async Task<IReadOnlyList<TableEntity>> NeedingAttentionAsync(DateTimeOffset now, bool upcoming, IReadOnlySet<Channel> retryNow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(retryNow);
        await build.EnsureBuiltAsync(cancellationToken).ConfigureAwait(false);
        await index.FlushAsync(cancellationToken).ConfigureAwait(false);
        var entries = await index.ListAsync(OpenKinds.Outbox, cancellationToken).ConfigureAwait(false);
        var rows = new List<TableEntity>();
        await Parallel.ForEachAsync(entries, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (entry, ct) =>
        {
            var (state, open) = await ReadOrderAsync(entry.OrderId, ct).ConfigureAwait(false);
            if (open.Count == 0)
            {
                await index.ReleaseAsync(entry, state, ct).ConfigureAwait(false);
                return;
            }

            lock (rows)
            {
                rows.AddRange(upcoming ? open : open.Where(r => IsDue(r, now) || RetriesNow(r, retryNow)));
            }
        }).ConfigureAwait(false);
        await index.FlushAsync(cancellationToken).ConfigureAwait(false);
        return rows;
    }

    /// <summary>The order's state row (null when there is none) and its message rows still in the outbox (pending, sending, retry).</summary>
    private async Task<(TableEntity? State, List<TableEntity> Open)> ReadOrderAsync(string orderId, CancellationToken cancellationToken)
    {
        TableEntity? state = null;
        var open = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {KeyEncoder.Encode(orderId)} and (RowKey eq {StateRow.RowKey} or (Kind eq 'msg' and (Status eq {MessageRow.Pending} or Status eq {MessageRow.Retry} or Status eq {MessageRow.Sending})))");
        await foreach (var row in storage.Orders.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.RowKey == StateRow.RowKey)
            {
                state = row;
            }
            else
            {
                open.Add(row);
            }
        }

        return (state, open);
    }

    private static bool RetriesNow(TableEntity row, IReadOnlySet<Channel> retryNow) =>
        retryNow.Count > 0 && row.GetString("Status") == MessageRow.Retry && retryNow.Contains(MessageRow.ReadMessage(row).Channel);

    private static bool IsDue(TableEntity row, DateTimeOffset now)
    {
        var status = row.GetString("Status");
        return status == MessageRow.Pending
            || (status == MessageRow.Retry && row.GetDateTimeOffset("NextAttemptAt") is { } next && next <= now)
            || (status == MessageRow.Sending && row.GetDateTimeOffset("LeaseUntil") is { } lease && lease < now);
    }
}
