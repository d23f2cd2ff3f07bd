using Azure.Data.Tables;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Infrastructure.Storage;

/// <summary>The phone index (E.164 -> orders) behind STOP/START keywords that name no order.</summary>
internal sealed class PhoneDirectory(StorageAccount storage) : IOrderDirectory
{
    public Task AddAsync(string e164Phone, string orderId, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(KeyEncoder.Encode(e164Phone), KeyEncoder.Encode(orderId)) { ["OrderId"] = orderId };
        return storage.Phones.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Removes <paramref name="orderId"/> from <paramref name="e164Phone"/>'s entries; false when it was not there.</summary>
    public async Task<bool> RemoveAsync(string e164Phone, string orderId, CancellationToken cancellationToken)
    {
        var response = await storage.Phones.DeleteEntityAsync(KeyEncoder.Encode(e164Phone), KeyEncoder.Encode(orderId), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return response.Status != 404;
    }

    public async Task<IReadOnlyList<string>> FindByPhoneAsync(string e164Phone, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(e164Phone);
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var orders = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {KeyEncoder.Encode(e164Phone)}");
        await foreach (var row in storage.Phones.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            orders.Add(row.GetString("OrderId") ?? row.RowKey);
        }

        return orders;
    }
}
