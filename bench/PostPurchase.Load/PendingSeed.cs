using Azure.Data.Tables;
using PostPurchase.Infrastructure.Storage;

namespace PostPurchase.Load;

/// <summary>Fills the wake-up index with far-future rows (orders waiting weeks for a review request), written 100 a transaction.</summary>
internal static class PendingSeed
{
    public static async Task SeedAsync(StorageAccount storage, DateTimeOffset from, int count)
    {
        var rows = Enumerable.Range(0, count).Select(i =>
        {
            // Spread over one bucket per minute of a day five years ahead: far beyond any look-ahead of the run.
            var due = from.AddYears(5).AddSeconds(i % 86_400).AddTicks(i);
            var orderId = $"pending-{i:D7}";
            return new TableEntity(WakeupIndex.Bucket(due), $"{due.UtcTicks:D19}|{orderId}") { ["OrderId"] = orderId, ["DueAt"] = due };
        });
        using var gate = new SemaphoreSlim(16);
        await Task.WhenAll(rows.GroupBy(r => r.PartitionKey).SelectMany(bucket => bucket.Chunk(100)).Select(async chunk =>
        {
            await gate.WaitAsync();
            try
            {
                await storage.Wakeups.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)));
            }
            finally
            {
                gate.Release();
            }
        }));
    }
}
