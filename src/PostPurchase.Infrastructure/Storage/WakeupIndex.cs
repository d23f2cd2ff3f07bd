using System.Globalization;
using Azure.Data.Tables;

namespace PostPurchase.Infrastructure.Storage;

/// <summary>The <c>Wakeups</c> table: PK = UTC minute bucket, RK = due ticks + order key, so "everything due by T" is one range query.</summary>
internal sealed class WakeupIndex(StorageAccount storage)
{
    public static string Bucket(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);

    public async Task<Wakeup> AddAsync(string orderId, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        var wakeup = For(orderId, dueAt);
        var entity = new TableEntity(wakeup.Bucket, wakeup.RowKey) { ["OrderId"] = orderId, ["DueAt"] = dueAt };
        await storage.Wakeups.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return wakeup;
    }

    /// <summary>The index row that <see cref="AddAsync"/> writes for <paramref name="orderId"/> due at <paramref name="dueAt"/>.</summary>
    public static Wakeup For(string orderId, DateTimeOffset dueAt) => new(orderId, dueAt, Bucket(dueAt), RowKeyOf(orderId, dueAt));

    /// <summary>Deletes one row; false when it was not there.</summary>
    public async Task<bool> DeleteOneAsync(Wakeup wakeup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wakeup);
        var response = await storage.Wakeups.DeleteEntityAsync(wakeup.Bucket, wakeup.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.Status != 404;
    }

    /// <summary>Every row of the index (for reconciliation with the state rows).</summary>
    public Task<IReadOnlyList<Wakeup>> AllAsync(CancellationToken cancellationToken) => UpToAsync(DateTimeOffset.MaxValue.AddYears(-1), cancellationToken);

    /// <summary>Every wake-up in buckets up to the one holding <paramref name="until"/> (past ones included: nothing is lost after downtime).</summary>
    public async Task<IReadOnlyList<Wakeup>> UpToAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        var found = new List<Wakeup>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey le {Bucket(until)}");
        await foreach (var row in storage.Wakeups.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.GetString("OrderId") is { } orderId && row.GetDateTimeOffset("DueAt") is { } dueAt)
            {
                found.Add(new Wakeup(orderId, dueAt, row.PartitionKey, row.RowKey));
            }
        }

        return found;
    }

    /// <summary>Deletes fired or stale rows, one transaction per bucket (up to 100 rows a request).</summary>
    public async Task DeleteAsync(IEnumerable<Wakeup> wakeups, CancellationToken cancellationToken)
    {
        foreach (var bucket in wakeups.DistinctBy(w => (w.Bucket, w.RowKey)).GroupBy(w => w.Bucket))
        {
            foreach (var chunk in bucket.Chunk(100))
            {
                var actions = chunk.Select(w => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(w.Bucket, w.RowKey)));
                try
                {
                    await storage.Wakeups.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                }
                catch (TableTransactionFailedException)
                {
                    // Another instance deleted some of them: delete the rest one by one (a missing row is fine).
                    foreach (var w in chunk)
                    {
                        await storage.Wakeups.DeleteEntityAsync(w.Bucket, w.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
    }

    private static string RowKeyOf(string orderId, DateTimeOffset dueAt) =>
        $"{dueAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}|{KeyEncoder.Encode(orderId)}";
}

/// <summary>One row of the wake-up index.</summary>
internal sealed record Wakeup(string OrderId, DateTimeOffset DueAt, string Bucket, string RowKey);
