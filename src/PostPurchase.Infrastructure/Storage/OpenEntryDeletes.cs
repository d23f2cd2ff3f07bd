using System.Collections.Concurrent;
using System.Net;
using Azure;
using Azure.Data.Tables;

namespace PostPurchase.Infrastructure.Storage;

/// <summary>
/// Deletes of released open-orders entries, queued and sent one transaction per shard (up to 100 entries) when the queue holds
/// a full batch and before every sweep. An entry written again (its order has work again) leaves the queue: its delete would
/// fail at the old ETag. A queue lost with the process only leaves stale entries, which the next sweep releases.
/// </summary>
internal sealed class OpenEntryDeletes(StorageAccount storage)
{
    private const int MaxBatch = 100;
    private readonly ConcurrentDictionary<(string Shard, string RowKey), OpenEntry> _queued = new();

    /// <summary>Takes the queued deletes of entries just written again off the queue.</summary>
    public void WrittenAgain(IEnumerable<OpenEntry> written)
    {
        foreach (var entry in written)
        {
            _queued.TryRemove((entry.Shard, entry.RowKey), out _);
        }
    }

    /// <summary>Deletes an entry at the ETag it was written or listed with; one written again since stays.</summary>
    public async Task DeleteAsync(OpenEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        try
        {
            await storage.OpenOrders.DeleteEntityAsync(entry.Shard, entry.RowKey, entry.ETag, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            // Written again meanwhile (new work ahead of its commit) or released by another instance: either way it is right.
        }
    }

    /// <summary>Queues a released entry; a full batch is sent at once.</summary>
    public async Task QueueAsync(OpenEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _queued[(entry.Shard, entry.RowKey)] = entry;
        if (_queued.Count >= MaxBatch)
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Deletes the queued entries, one transaction per shard and 100 entries; an entry written again since stays.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var taken = new List<OpenEntry>();
        foreach (var key in _queued.Keys)
        {
            if (_queued.TryRemove(key, out var entry))
            {
                taken.Add(entry);
            }
        }

        foreach (var chunk in taken.GroupBy(e => e.Shard).SelectMany(shard => shard.Chunk(MaxBatch)))
        {
            await DeleteBatchAsync([.. chunk], cancellationToken).ConfigureAwait(false);
        }
    }

    // A transaction fails whole when one of its entries was written again since it was queued (the order got new work) or is
    // gone: that one stays as it is and the rest go in one more transaction, instead of one request per entry.
    private async Task DeleteBatchAsync(List<OpenEntry> entries, CancellationToken cancellationToken)
    {
        while (entries.Count > 0)
        {
            try
            {
                await storage.OpenOrders.SubmitTransactionAsync(
                    entries.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(e.Shard, e.RowKey), e.ETag)), cancellationToken)
                    .ConfigureAwait(false);
                return;
            }
            catch (TableTransactionFailedException ex) when (ex.FailedTransactionActionIndex is { } failed && failed < entries.Count
                && ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
            {
                entries.RemoveAt(failed);
            }
            catch (TableTransactionFailedException)
            {
                foreach (var entry in entries)
                {
                    await DeleteAsync(entry, cancellationToken).ConfigureAwait(false);
                }

                return;
            }
        }
    }
}
