using System.Globalization;
using Azure.Data.Tables;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Infrastructure.Storage;

/// <summary>The <c>PoisonInputs</c> table: inputs that failed every attempt, newest first, with their error.</summary>
internal sealed class PoisonStore(StorageAccount storage)
{
    private const string Partition = "poison";

    public Task AddAsync(PoisonInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var inverted = (DateTimeOffset.MaxValue.UtcTicks - input.FailedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        var entity = new TableEntity(Partition, $"{inverted}|{KeyEncoder.Encode(input.Id)}")
        {
            ["InputId"] = input.Id,
            ["OrderId"] = input.OrderId,
            ["Payload"] = input.Payload.Length > 30_000 ? input.Payload[..30_000] : input.Payload,
            ["Error"] = input.Error.Length > 30_000 ? input.Error[..30_000] : input.Error,
            ["Attempts"] = input.Attempts,
            ["FailedAt"] = input.FailedAt,
        };
        return storage.Poison.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<PoisonInput>> NewestAsync(int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var found = new List<PoisonInput>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var row in storage.Poison.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            found.Add(new PoisonInput(
                row.GetString("InputId") ?? row.RowKey,
                row.GetString("OrderId"),
                row.GetString("Payload") ?? "",
                row.GetString("Error") ?? "",
                row.GetInt32("Attempts") ?? 0,
                row.GetDateTimeOffset("FailedAt") ?? default));
            if (found.Count >= max)
            {
                break;
            }
        }

        return found;
    }
}
