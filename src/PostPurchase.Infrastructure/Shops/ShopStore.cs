using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Shops.Mapping;
using PostPurchase.Infrastructure.Storage;

namespace PostPurchase.Infrastructure.Shops;

/// <summary>
/// The shop tables: <c>ShopOrders</c> (one merged record per shop order, ETag-guarded), <c>ShopDeliveries</c> (delivery ids seen,
/// refusals, counts and reconciliation runs per platform) and <c>ShopProducts</c> (product types looked up, cached per product).
/// </summary>
internal sealed class ShopStore(StorageAccount storage)
{
    private const int RefusedShown = 20;
    private readonly TableClient _orders = storage.Table("ShopOrders");
    private readonly TableClient _deliveries = storage.Table("ShopDeliveries");
    private readonly TableClient _products = storage.Table("ShopProducts");
    private volatile bool _created;

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (_created)
        {
            return;
        }
        foreach (var table in new[] { _orders, _deliveries, _products })
        {
            await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        }
        _created = true;
    }

    public async Task<(ShopOrderRecord? Record, ETag? ETag)> LoadAsync(string orderId, CancellationToken cancellationToken)
    {
        var row = await _orders.GetEntityIfExistsAsync<TableEntity>(KeyEncoder.Encode(orderId), "record", cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!row.HasValue || row.Value is null)
        {
            return (null, null);
        }
        var json = ChunkedText.Read(row.Value, "Record") ?? throw new InvalidOperationException($"Shop order {orderId} has an empty record row.");
        return (JsonSerializer.Deserialize<ShopOrderRecord>(json, CoreJson.Options), row.Value.ETag);
    }

    /// <summary>Writes the record; false when someone else wrote it since <paramref name="etag"/> was read (merge again).</summary>
    public async Task<bool> SaveAsync(ShopOrderRecord record, ETag? etag, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(KeyEncoder.Encode(record.OrderId), "record");
        ChunkedText.Write(entity, "Record", JsonSerializer.Serialize(record, CoreJson.Options));
        try
        {
            if (etag is { } tag)
            {
                await _orders.UpdateEntityAsync(entity, tag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await _orders.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            }
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    public async Task<bool> SeenAsync(string platform, string deliveryKey, CancellationToken cancellationToken) =>
        (await _deliveries.GetEntityIfExistsAsync<TableEntity>(Seen(platform), KeyEncoder.Encode(deliveryKey), ["PartitionKey"], cancellationToken).ConfigureAwait(false)).HasValue;

    /// <summary>Remembers a delivery id once it was applied, and counts it under its topic.</summary>
    public async Task RecordAsync(string platform, string deliveryKey, string topic, string? orderId, string outcome, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(Seen(platform), KeyEncoder.Encode(deliveryKey)) { ["Topic"] = topic, ["OrderId"] = orderId, ["Outcome"] = outcome, ["At"] = at };
        await _deliveries.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        await CountAsync(platform, topic, at, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Notes a refused delivery for the dashboard. Refusals come from anyone who can reach the URL, so the log is bounded: a
    /// refusal replaces the last one of its kind (topic and reason) in one of <see cref="RefusedShown"/> slots per platform.
    /// </summary>
    public async Task RefuseAsync(string platform, string topic, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        topic = topic.Length > 100 ? topic[..100] : topic;
        var kind = BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(topic + "\n" + reason)), 0) % RefusedShown;
        var entity = new TableEntity(Refused(platform), kind.ToString("D2", CultureInfo.InvariantCulture))
        {
            ["Topic"] = topic, ["Reason"] = reason.Length > 2000 ? reason[..2000] : reason, ["At"] = at,
        };
        await _deliveries.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task SaveReconcileAsync(string platform, ReconcileRun run, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(Reconcile(platform), "last") { ["Run"] = JsonSerializer.Serialize(run, CoreJson.Options) };
        await _deliveries.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ReconcileRun?> LastReconcileAsync(string platform, CancellationToken cancellationToken)
    {
        var row = await _deliveries.GetEntityIfExistsAsync<TableEntity>(Reconcile(platform), "last", cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue && row.Value?.GetString("Run") is { } json ? JsonSerializer.Deserialize<ReconcileRun>(json, CoreJson.Options) : null;
    }

    public async Task<ShopStatus> StatusAsync(string platform, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var stats = await _deliveries.GetEntityIfExistsAsync<TableEntity>(Stats(platform), "stats", cancellationToken: cancellationToken).ConfigureAwait(false);
        var counts = stats.HasValue && stats.Value?.GetString("Counts") is { } json
            ? JsonSerializer.Deserialize<Dictionary<string, int>>(json) ?? [] : [];
        var refused = new List<RefusedDelivery>();
        await foreach (var row in _deliveries.QueryAsync<TableEntity>(e => e.PartitionKey == Refused(platform), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            refused.Add(new RefusedDelivery(row.GetDateTimeOffset("At") ?? default, row.GetString("Topic") ?? "", row.GetString("Reason") ?? ""));
        }
        refused = [.. refused.OrderByDescending(r => r.At).Take(RefusedShown)];
        return new ShopStatus(platform, stats.HasValue ? stats.Value?.GetDateTimeOffset("LastAt") : null, counts, refused,
            await LastReconcileAsync(platform, cancellationToken).ConfigureAwait(false));
    }

    public async Task<Dictionary<string, ProductFacts>> ProductsAsync(string platform, IEnumerable<string> productIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, ProductFacts>(StringComparer.Ordinal);
        foreach (var id in productIds.Distinct(StringComparer.Ordinal))
        {
            var row = await _products.GetEntityIfExistsAsync<TableEntity>(platform, KeyEncoder.Encode(id), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (row.HasValue && row.Value is { } e)
            {
                found[id] = new ProductFacts(e.GetString("ProductType"), (e.GetString("Tags") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries));
            }
        }
        return found;
    }

    public Task SaveProductAsync(string platform, string productId, ProductFacts facts, CancellationToken cancellationToken) =>
        _products.UpsertEntityAsync(
            new TableEntity(platform, KeyEncoder.Encode(productId)) { ["ProductType"] = facts.ProductType, ["Tags"] = string.Join('\n', facts.Tags) },
            TableUpdateMode.Replace, cancellationToken);

    private async Task CountAsync(string platform, string topic, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // Optimistic: concurrent deliveries retry on the row's ETag, so no count is lost.
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var row = await _deliveries.GetEntityIfExistsAsync<TableEntity>(Stats(platform), "stats", cancellationToken: cancellationToken).ConfigureAwait(false);
            var entity = row.HasValue && row.Value is { } e ? e : new TableEntity(Stats(platform), "stats");
            var counts = entity.GetString("Counts") is { } json ? JsonSerializer.Deserialize<Dictionary<string, int>>(json) ?? [] : [];
            counts[topic] = counts.GetValueOrDefault(topic) + 1;
            entity["Counts"] = JsonSerializer.Serialize(counts);
            entity["LastAt"] = at;
            try
            {
                if (row.HasValue)
                {
                    await _deliveries.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await _deliveries.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                }
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // lost the race: read again
            }
        }
    }

    private static string Seen(string platform) => $"{platform}-seen";

    private static string Refused(string platform) => $"{platform}-refused";

    private static string Stats(string platform) => $"{platform}-stats";

    private static string Reconcile(string platform) => $"{platform}-reconcile";
}
