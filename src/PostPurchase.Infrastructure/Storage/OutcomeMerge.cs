using System.Net;
using Azure;
using Azure.Data.Tables;

namespace PostPurchase.Infrastructure.Storage;

/// <summary>
/// Records a send's outcome on a message row that changed after it was claimed. The usual cause is the provider's own status
/// callback: Twilio calls back within milliseconds of accepting a text, often before the dispatcher has written "sent".
/// </summary>
internal static class OutcomeMerge
{
    private const int MaxAttempts = 10;

    private static readonly HashSet<string> RowState = new(StringComparer.Ordinal)
    {
        "PartitionKey", "RowKey", "Timestamp", "odata.etag", "Status", "LeaseUntil", "NextAttemptAt", "Error",
    };

    /// <summary>Writes <paramref name="outcome"/> row by row: over a claim still held (or one the sweep gave up on) it wins; over a status a provider already reported, only its other fields are added.</summary>
    public static async Task WriteAsync(TableClient table, TableEntity outcome, CancellationToken cancellationToken)
    {
        var etag = outcome.ETag;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var write = new TableEntity(outcome) { ETag = etag };
            try
            {
                await table.UpdateEntityAsync(write, etag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.PreconditionFailed)
            {
                // Read the row again below and decide what of the outcome still applies.
            }

            var found = await table.GetEntityIfExistsAsync<TableEntity>(outcome.PartitionKey, outcome.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!found.HasValue)
            {
                return;
            }

            var row = found.Value!;
            if (row.GetString("Status") is MessageRow.Sending or MessageRow.Unknown)
            {
                etag = row.ETag;
                continue;
            }

            // A provider reported on the message meanwhile; its status stands, and what the send learnt (the provider's id) is added.
            var extra = new TableEntity(outcome.PartitionKey, outcome.RowKey);
            foreach (var (name, value) in outcome.Where(p => !RowState.Contains(p.Key) && !row.ContainsKey(p.Key)))
            {
                extra[name] = value;
            }
            outcome = extra;
            etag = row.ETag;
            if (extra.Count <= 2)
            {
                return;
            }
        }

        throw new InvalidOperationException($"Message row {outcome.PartitionKey}/{outcome.RowKey} kept changing while its send outcome was recorded.");
    }
}
