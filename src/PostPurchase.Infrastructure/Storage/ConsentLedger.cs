using Azure.Data.Tables;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Infrastructure.Storage;

/// <summary>
/// The latest consent change per order and subject, written the moment a change is accepted (rows <c>consent|{subject}</c> in the
/// order's partition). A runtime whose workflow may not have applied the change yet when it sends (a Durable orchestration busy in
/// its send activity) folds these onto the state it decided with, so a STOP already accepted wins over a text not yet handed over.
/// </summary>
internal sealed class ConsentLedger(StorageAccount storage) : IConsentLedger
{
    private const string Prefix = "consent|";

    public async Task RecordAsync(string orderId, ConsentChanged change, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var subject = change.Subject?.Trim().ToLowerInvariant();
        if (!ConsentSubjects.IsKnown(subject))
        {
            return; // the decider refuses it with the reason; nothing to hold a send back for
        }

        var row = new TableEntity(KeyEncoder.Encode(orderId), Prefix + subject)
        {
            ["Kind"] = "consent",
            ["Granted"] = change.Granted,
            ["Source"] = change.Source,
            ["WordingVersion"] = change.WordingVersion,
            ["At"] = at,
        };
        await storage.Orders.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    // One range read of the order's consent rows.
    public async Task<ConsentState> CurrentAsync(string orderId, ConsentState decided, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decided);
        var partition = KeyEncoder.Encode(orderId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {Prefix} and RowKey lt {"consent}"}");
        var current = decided;
        await foreach (var row in storage.Orders.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var record = new ConsentRecord(
                row.RowKey[Prefix.Length..], row.GetBoolean("Granted") ?? true, row.GetString("Source") ?? "unknown",
                row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue, row.GetString("WordingVersion"));
            var last = current.History.LastOrDefault(r => r.Subject == record.Subject);
            if (last is null || (record.At >= last.At && (last.Granted != record.Granted || last.Source != record.Source)))
            {
                current = current.After(record);
            }
        }

        return current;
    }
}
