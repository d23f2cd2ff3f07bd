using Azure;
using Azure.Data.Tables;
using PostPurchase.Core.Serialization;

namespace PostPurchase.Infrastructure.MerchantWebhooks;

/// <summary>The delivery log in table <c>WebhookDeliveries</c>: one partition, row key = delivery id.</summary>
internal sealed class TableWebhookDeliveryLog(TableServiceClient service) : IWebhookDeliveryLog
{
    internal const string TableName = "WebhookDeliveries";
    private const string Partition = "delivery";
    private readonly TableClient _table = service.GetTableClient(TableName);
    private volatile bool _created;

    public async Task<bool> TryAddAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        try
        {
            await _table.AddEntityAsync(ToEntity(delivery), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task UpdateAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        await _table.UpsertEntityAsync(ToEntity(delivery), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<WebhookDelivery?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    public async Task<IReadOnlyList<WebhookDelivery>> ListAsync(int max, CancellationToken cancellationToken)
    {
        var all = await QueryAsync($"PartitionKey eq '{Partition}'", cancellationToken);
        return all.OrderByDescending(d => d.CreatedAt).Take(max).ToList();
    }

    public async Task<IReadOnlyList<WebhookDelivery>> ListDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and NextAttemptAt le {now.UtcDateTime}");
        return await QueryAsync(filter, cancellationToken);
    }

    private async Task<List<WebhookDelivery>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        var result = new List<WebhookDelivery>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            result.Add(FromEntity(entity));
        }
        return result;
    }

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (!_created)
        {
            await _table.CreateIfNotExistsAsync(cancellationToken);
            _created = true;
        }
    }

    private static TableEntity ToEntity(WebhookDelivery d) => new(Partition, d.Id)
    {
        ["SignalId"] = d.SignalId,
        ["Kind"] = d.Kind,
        ["OrderId"] = d.OrderId,
        ["Url"] = d.Url,
        ["Payload"] = d.Payload,
        ["Status"] = WireName.Of(d.Status),
        ["Attempts"] = d.Attempts,
        ["CreatedAt"] = d.CreatedAt,
        // Only rows waiting for an attempt carry NextAttemptAt, so the due query never sees finished ones.
        ["NextAttemptAt"] = d.Status is WebhookDeliveryStatus.Pending or WebhookDeliveryStatus.Retrying ? d.NextAttemptAt : null,
        ["DeliveredAt"] = d.DeliveredAt,
        ["LastStatusCode"] = d.LastStatusCode,
        ["LastError"] = d.LastError,
    };

    private static WebhookDelivery FromEntity(TableEntity e)
    {
        if (!WireName.TryParse<WebhookDeliveryStatus>(e.GetString("Status"), out var status))
        {
            throw new InvalidDataException($"Webhook delivery {e.RowKey} has an unknown status '{e.GetString("Status")}'.");
        }
        return new WebhookDelivery(
            e.RowKey,
            e.GetString("SignalId") ?? "",
            e.GetString("Kind") ?? "",
            e.GetString("OrderId") ?? "",
            e.GetString("Url") ?? "",
            e.GetString("Payload") ?? "",
            status,
            e.GetInt32("Attempts") ?? 0,
            e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
            e.GetDateTimeOffset("NextAttemptAt"),
            e.GetDateTimeOffset("DeliveredAt"),
            e.GetInt32("LastStatusCode"),
            e.GetString("LastError"));
    }
}
