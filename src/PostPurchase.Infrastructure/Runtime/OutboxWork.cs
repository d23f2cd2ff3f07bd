using System.Threading.Channels;
using Azure.Data.Tables;

namespace PostPurchase.Infrastructure.Runtime;

/// <summary>Message rows this process just committed as Pending, handed straight to the dispatcher (the sweep finds the rest).</summary>
internal sealed class OutboxWork
{
    private readonly Channel<DispatchBatch> _channel = Channel.CreateUnbounded<DispatchBatch>();

    public ChannelReader<DispatchBatch> Reader => _channel.Reader;

    public void Post(string orderId, IReadOnlyList<TableEntity> rows)
    {
        if (rows.Count > 0)
        {
            _channel.Writer.TryWrite(new DispatchBatch(orderId, rows));
        }
    }
}

/// <summary>Pending message rows of one order, with the ETags they were read or written with.</summary>
internal sealed record DispatchBatch(string OrderId, IReadOnlyList<TableEntity> Rows);
