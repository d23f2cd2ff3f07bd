using Azure;
using Azure.Data.Tables;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Infrastructure.Storage;

/// <summary>Send attempts as rows of the <c>Orders</c> table, one partition per order apart from its read model (<c>attempt|{order}</c>).</summary>
/// <remarks>
/// A row holds when the first attempt began (<c>StartedAt</c>), when the last one began (<c>LastStartedAt</c>) and whether it is
/// still open. A new attempt takes the row over with its ETag, so of two attempts that meet only one goes; the other holds back.
/// </remarks>
internal sealed class SendAttempts(StorageAccount storage) : ISendAttempts
{
    private const string First = "StartedAt";
    private const string Last = "LastStartedAt";
    private const string Open = "Open";

    public async Task<SendAttempt> BeginAsync(string orderId, string messageKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var (partition, row) = Keys(orderId, messageKey);
        try
        {
            await storage.Orders.AddEntityAsync(new TableEntity(partition, row) { [First] = now, [Last] = now, [Open] = true }, cancellationToken).ConfigureAwait(false);
            return SendAttempt.First;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // An earlier attempt marked it: its answer may have been lost with the process that made it, or it may still be running.
        }
        var earlier = await storage.Orders.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!earlier.HasValue)
        {
            return new SendAttempt(now, false);
        }
        var mark = earlier.Value!;
        var first = mark.GetDateTimeOffset(First) ?? now;
        if (mark.GetBoolean(Open) == true && (mark.GetDateTimeOffset(Last) ?? first) > now - SendAttempt.UnderWayAtMost)
        {
            return new SendAttempt(first, true);
        }
        try
        {
            mark[Last] = now;
            mark[Open] = true;
            await storage.Orders.UpdateEntityAsync(mark, mark.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            return new SendAttempt(first, false);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            // Another attempt took the row over between the read and this write: it goes, this one holds back.
            return new SendAttempt(first, true);
        }
    }

    public async Task EndAsync(string orderId, string messageKey, CancellationToken cancellationToken)
    {
        var (partition, row) = Keys(orderId, messageKey);
        await storage.Orders.UpdateEntityAsync(new TableEntity(partition, row) { [Open] = false }, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
    }

    private static (string Partition, string Row) Keys(string orderId, string messageKey) =>
        ($"attempt|{KeyEncoder.Encode(orderId)}", KeyEncoder.Encode(messageKey));
}
