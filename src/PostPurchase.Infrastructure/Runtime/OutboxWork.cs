using System.Threading.Channels;
using Azure.Data.Tables;

namespace PostPurchase.Infrastructure.Runtime;

/// <summary>Message rows this process just committed as Pending, handed straight to the dispatcher (the sweep finds the rest).</summary>
internal sealed class OutboxWork
{
    private readonly Channel<DispatchBatch> _channel = Channel.CreateUnbounded<DispatchBatch>();

    public ChannelReader<DispatchBatch> Reader => _channel.Reader;

    public void Post(string orderId, IReadOnlyList<TableEntity> rows, OutboxRelease? release = null)
    {
        if (rows.Count > 0)
        {
            _channel.Writer.TryWrite(new DispatchBatch(orderId, rows, release));
        }
    }
}

/// <summary>Pending message rows of one order, with the ETags they were read or written with.</summary>
internal sealed record DispatchBatch(string OrderId, IReadOnlyList<TableEntity> Rows, OutboxRelease? Release = null);

/// <summary>
/// The outbox entry written ahead of the commit that made a batch's rows, when the order had nothing in the outbox before: if the
/// state row is still at <paramref name="CommitETag"/> when the batch is claimed, its rows are all the order has in the outbox, and
/// the dispatcher releases the entry itself once they are settled.
/// </summary>
internal sealed record OutboxRelease(Storage.OpenEntry Entry, Azure.ETag CommitETag, Storage.OpenKinds Open);
