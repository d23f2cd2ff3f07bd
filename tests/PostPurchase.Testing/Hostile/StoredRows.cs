using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace PostPurchase.Testing.Hostile;

/// <summary>Counts what a runtime has stored under one storage prefix (empty: the whole account): rows in each table, messages in each queue.</summary>
public sealed class StoredRows(string connectionString, string prefix)
{
    private readonly TableServiceClient _tables = new(connectionString);
    private readonly QueueServiceClient _queues = new(connectionString);

    /// <summary>The bounded log of refused shop deliveries the dashboard shows: a refusal is written there on purpose.</summary>
    public const string RefusalLog = "shop refusal log";

    /// <summary>"table or queue name" → rows or messages, for every table and queue of the prefix.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountAsync()
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        await foreach (var table in _tables.QueryAsync(maxPerPage: 1000))
        {
            // The data-protection key ring is the runtime's own, written once on first use, never from a request's content.
            if (table.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && !table.Name.EndsWith("DataProtectionKeys", StringComparison.OrdinalIgnoreCase))
            {
                counts[table.Name] = 0;
                await foreach (var row in _tables.GetTableClient(table.Name).QueryAsync<TableEntity>(select: ["PartitionKey"]))
                {
                    var key = row.PartitionKey.EndsWith("-refused", StringComparison.Ordinal) ? RefusalLog : table.Name;
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }
        }
        await foreach (var queue in _queues.GetQueuesAsync(prefix: prefix.ToLowerInvariant()))
        {
            var properties = await _queues.GetQueueClient(queue.Name).GetPropertiesAsync();
            counts["queue " + queue.Name] = properties.Value.ApproximateMessagesCount;
        }
        return counts;
    }
}
