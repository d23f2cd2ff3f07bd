using Azure;
using Azure.Data.Tables;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Infrastructure.Storage;

/// <summary>Send attempts as rows of the <c>Orders</c> table, one partition per order apart from its read model (<c>attempt|{order}</c>).</summary>
internal sealed class SendAttempts(StorageAccount storage) : ISendAttempts
{
    public async Task<DateTimeOffset?> BeginAsync(string orderId, string messageKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var row = new TableEntity($"attempt|{KeyEncoder.Encode(orderId)}", KeyEncoder.Encode(messageKey)) { ["StartedAt"] = now };
        try
        {
            await storage.Orders.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // An earlier attempt marked it: its answer may have been lost with the process that made it.
            var earlier = await storage.Orders.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            return earlier.HasValue ? earlier.Value!.GetDateTimeOffset("StartedAt") ?? now : now;
        }
    }
}
