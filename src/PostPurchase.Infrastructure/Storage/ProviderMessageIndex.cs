using Azure.Data.Tables;
using PostPurchase.Infrastructure.Channels;

namespace PostPurchase.Infrastructure.Storage;

/// <summary>Provider ids to messages, as rows of the <c>Orders</c> table in a partition per provider id (<c>{provider}-id|{id}</c>).</summary>
internal sealed class ProviderMessageIndex(StorageAccount storage) : IProviderMessageIndex
{
    private const string RowKey = "id";

    public async Task RememberAsync(string provider, string providerId, string orderId, string messageKey, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var row = new TableEntity(Partition(provider, providerId), RowKey) { ["Kind"] = "provider-id", ["OrderId"] = orderId, ["MessageKey"] = messageKey };
        await storage.Orders.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<(string OrderId, string MessageKey)?> FindAsync(string provider, string providerId, CancellationToken cancellationToken)
    {
        var found = await storage.Orders.GetEntityIfExistsAsync<TableEntity>(Partition(provider, providerId), RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue && found.Value!.GetString("OrderId") is { } order && found.Value.GetString("MessageKey") is { } key ? (order, key) : null;
    }

    private static string Partition(string provider, string providerId) => $"{provider}-id|{KeyEncoder.Encode(providerId)}";
}
