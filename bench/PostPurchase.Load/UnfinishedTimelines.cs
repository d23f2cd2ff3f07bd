using Azure.Data.Tables;

namespace PostPurchase.Load;

/// <summary>Counts orders whose timeline has not finished, reading the state rows outside the engine's request counter.</summary>
internal sealed class UnfinishedTimelines(string connectionString, string ordersTable)
{
    private readonly TableClient _orders = new(connectionString, ordersTable);

    public async Task<int> CountAsync()
    {
        var count = 0;
        await foreach (var _ in _orders.QueryAsync<TableEntity>("RowKey eq 'state' and Completed eq false", select: ["PartitionKey"]))
        {
            count++;
        }

        return count;
    }
}
