using System.Net;
using Azure;
using Azure.Data.Tables;

namespace PostPurchase.Infrastructure.Storage;

/// <summary>
/// The <c>OpenOrders</c> table: which orders have an open timeline or outbox work, so the outbox sweep and the wake-up
/// reconciliation read what is open instead of the whole <c>Orders</c> table. An entry is written before the commit that
/// needs it and released only after its order's rows were read and showed nothing left, guarded by the state row's ETag,
/// so an entry can be stale (one extra read) but never missing.
/// </summary>
internal sealed class OpenOrderIndex(StorageAccount storage, Runtime.StateCache cache, TimeProvider time)
{
    /// <summary>Partitions the entries are spread over, so the index is no hot partition under load.</summary>
    public const int Shards = 8;

    /// <summary>An entry whose order has no state row is deleted once this old: its insert failed (a commit never takes this long).</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);

    /// <summary>A new order's commit that ran longer than this after its entries were written writes them again (see <see cref="StaleAfter"/>).</summary>
    public static readonly TimeSpan RewriteAfter = TimeSpan.FromMinutes(10);

    private readonly OpenEntryDeletes _deletes = new(storage);

    /// <summary>
    /// Before a commit: writes the entries the new state needs (an unfinished timeline, pending message rows) that the state row
    /// as loaded does not record. Returns what the committed state row must record, and the outbox entry when one was written.
    /// </summary>
    public async Task<(OpenKinds Open, OpenEntry? Outbox)> BeforeCommitAsync(
        string orderId, OpenKinds recorded, bool completed, bool pendingRows, CancellationToken cancellationToken)
    {
        var needed = (completed ? OpenKinds.None : OpenKinds.Timeline) | (pendingRows ? OpenKinds.Outbox : OpenKinds.None);
        var missing = needed & ~recorded;
        var written = await WriteAheadAsync(orderId, missing, cancellationToken).ConfigureAwait(false);
        return (recorded | missing, written.FirstOrDefault(e => e.Kind == OpenKinds.Outbox));
    }

    /// <summary>Writes the entries of <paramref name="kinds"/> for the order in one transaction (they share the order's shard).</summary>
    public async Task<IReadOnlyList<OpenEntry>> WriteAheadAsync(string orderId, OpenKinds kinds, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var entries = Split(kinds).Select(kind => new OpenEntry(orderId, kind, ShardOf(orderId), RowKeyOf(kind, orderId), default, now)).ToList();
        if (entries.Count == 0)
        {
            return [];
        }

        var response = await storage.OpenOrders.SubmitTransactionAsync(
            entries.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(e.Shard, e.RowKey)
            {
                ["OrderId"] = orderId,
                ["WrittenAt"] = now,
            })), cancellationToken).ConfigureAwait(false);
        _deletes.WrittenAgain(entries);
        return [.. entries.Select((e, i) => e with { ETag = response.Value[i].Headers.ETag ?? default })];
    }

    /// <summary>Every entry of one kind (the index holds open orders only, so this reads what is open, not history).</summary>
    public async Task<IReadOnlyList<OpenEntry>> ListAsync(OpenKinds kind, CancellationToken cancellationToken)
    {
        var prefix = PrefixOf(kind);
        var filter = TableClient.CreateQueryFilter($"RowKey ge {prefix + "|"} and RowKey lt {prefix + "}"}");
        var found = new List<OpenEntry>();
        await foreach (var row in storage.OpenOrders.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.GetString("OrderId") is { } orderId)
            {
                found.Add(new OpenEntry(orderId, kind, row.PartitionKey, row.RowKey, row.ETag, row.GetDateTimeOffset("WrittenAt") ?? DateTimeOffset.MinValue));
            }
        }

        return found;
    }

    /// <summary>
    /// Removes an entry whose order was just read and had nothing of its kind left: first clears the kind in the state row at the
    /// ETag that read saw (a commit since then fails this, and a later commit sees the kind cleared and writes the entry again),
    /// then deletes the entry (queued, see <see cref="ForgetAsync"/>) at the ETag it was listed with (a write-ahead since then keeps it). Without a state row, the entry
    /// goes only once <see cref="StaleAfter"/> old. This process's cached copy of the state row follows the change.
    /// </summary>
    public async Task ReleaseAsync(OpenEntry entry, TableEntity? stateRow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (stateRow is null)
        {
            if (time.GetUtcNow() - entry.WrittenAt < StaleAfter)
            {
                return;
            }
        }
        else
        {
            var clear = new TableEntity(KeyEncoder.Encode(entry.OrderId), StateRow.RowKey) { [StateRow.OpenColumn] = (int)(StateRow.OpenOf(stateRow) & ~entry.Kind) };
            try
            {
                var response = await storage.Orders.UpdateEntityAsync(clear, stateRow.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
                cache.Released(entry.OrderId, stateRow.ETag, response.Headers.ETag ?? default, entry.Kind);
            }
            catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
            {
                // The order moved on since it was read: the entry stays and the next pass looks again.
                return;
            }
        }

        await ForgetAsync(entry, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes an entry at the ETag it was written or listed with; one written again since stays.</summary>
    public Task DeleteAsync(OpenEntry entry, CancellationToken cancellationToken) => _deletes.DeleteAsync(entry, cancellationToken);

    /// <summary>Queues a released entry for a batched delete (see <see cref="OpenEntryDeletes"/>); a full queue is sent at once.</summary>
    public Task ForgetAsync(OpenEntry entry, CancellationToken cancellationToken) => _deletes.QueueAsync(entry, cancellationToken);

    /// <summary>Deletes the queued entries, one transaction per shard and 100 entries; an entry written again since stays.</summary>
    public Task FlushAsync(CancellationToken cancellationToken) => _deletes.FlushAsync(cancellationToken);

    /// <summary>The shard of an order: a stable hash of its key (FNV-1a), the same in every process and version.</summary>
    public static string ShardOf(string orderId)
    {
        var hash = 2166136261u;
        foreach (var c in KeyEncoder.Encode(orderId))
        {
            hash = (hash ^ c) * 16777619u;
        }

        return "s" + (hash % Shards).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The row key of an order's entry of one kind.</summary>
    public static string RowKeyOf(OpenKinds kind, string orderId) => PrefixOf(kind) + "|" + KeyEncoder.Encode(orderId);

    private static string PrefixOf(OpenKinds kind) => kind switch
    {
        OpenKinds.Timeline => "timeline",
        OpenKinds.Outbox => "outbox",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "One kind at a time."),
    };

    private static IEnumerable<OpenKinds> Split(OpenKinds kinds) =>
        new[] { OpenKinds.Timeline, OpenKinds.Outbox }.Where(k => kinds.HasFlag(k));
}
