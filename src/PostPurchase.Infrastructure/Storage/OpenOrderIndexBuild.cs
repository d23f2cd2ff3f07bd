using Azure.Data.Tables;
using Microsoft.Extensions.Logging;

namespace PostPurchase.Infrastructure.Storage;

/// <summary>
/// Builds the open-orders index once for data written before it existed: when the marker row is missing, one scan of the
/// <c>Orders</c> table lists every unfinished timeline and every order with outbox work, then the marker is written. A build cut
/// short runs again at the next start (entries are upserts), and two instances building at once write the same entries.
/// </summary>
internal sealed partial class OpenOrderIndexBuild(StorageAccount storage, OpenOrderIndex index, ILogger<OpenOrderIndexBuild> logger)
{
    private const string MarkerPartition = "built";
    private const string MarkerRow = "v1";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _built;

    /// <summary>Makes sure the index covers every order (one point read per process once built).</summary>
    public async Task EnsureBuiltAsync(CancellationToken cancellationToken)
    {
        if (_built)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_built)
            {
                return;
            }

            var marker = await storage.OpenOrders.GetEntityIfExistsAsync<TableEntity>(MarkerPartition, MarkerRow, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!marker.HasValue)
            {
                await BuildAsync(cancellationToken).ConfigureAwait(false);
            }

            _built = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task BuildAsync(CancellationToken cancellationToken)
    {
        var open = new Dictionary<string, OpenKinds>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter(
            $"(RowKey eq {StateRow.RowKey} and Completed eq false) or (Kind eq 'msg' and (Status eq {MessageRow.Pending} or Status eq {MessageRow.Retry} or Status eq {MessageRow.Sending}))");
        await foreach (var row in storage.Orders.QueryAsync<TableEntity>(filter, select: ["OrderId", "Kind", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.GetString("OrderId") is { } orderId)
            {
                var kind = row.RowKey == StateRow.RowKey || row.GetString("Kind") == "state" ? OpenKinds.Timeline : OpenKinds.Outbox;
                open[orderId] = open.GetValueOrDefault(orderId) | kind;
            }
        }

        foreach (var (orderId, kinds) in open)
        {
            await index.WriteAheadAsync(orderId, kinds, cancellationToken).ConfigureAwait(false);
        }

        await storage.OpenOrders.UpsertEntityAsync(new TableEntity(MarkerPartition, MarkerRow) { ["Orders"] = open.Count }, TableUpdateMode.Replace, cancellationToken)
            .ConfigureAwait(false);
        LogBuilt(open.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Open-orders index built from the Orders table: {Count} open orders listed")]
    private partial void LogBuilt(int count);
}
