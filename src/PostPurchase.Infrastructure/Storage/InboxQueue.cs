using Azure.Storage.Queues.Models;
using PostPurchase.Infrastructure.Runtime;

namespace PostPurchase.Infrastructure.Storage;

/// <summary>The <c>timeline-inputs</c> queue; <see cref="Enqueued"/> wakes this process's inbox worker at once.</summary>
internal sealed class InboxQueue(StorageAccount storage, InputBacklog backlog)
{
    private readonly System.Threading.Channels.Channel<LocalInput> _local = System.Threading.Channels.Channel.CreateUnbounded<LocalInput>();

    /// <summary>Inputs this process queued, to apply at once without a receive; the queue copy stays invisible meanwhile and takes over after a crash.</summary>
    public System.Threading.Channels.ChannelReader<LocalInput> Local => _local.Reader;

    /// <summary>Queues the input durably (invisible for <paramref name="invisibleFor"/>) and hands it to this process's worker.</summary>
    public async Task EnqueueAsync(InputEnvelope envelope, TimeSpan invisibleFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        // Counted from before the queue put: under a slow storage the puts in progress are backlog too, and admission control
        // must see them before it lets more in; counted before the worker can see it, so the worker's done always follows.
        backlog.Track(envelope);
        SendReceipt receipt;
        try
        {
            receipt = (await storage.Inbox.SendMessageAsync(envelope.ToJson(), invisibleFor, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken)
                .ConfigureAwait(false)).Value;
        }
        catch
        {
            backlog.Done(envelope);
            throw;
        }

        _local.Writer.TryWrite(new LocalInput(envelope, receipt.MessageId, receipt.PopReceipt));
    }

    public async Task<QueueMessage[]> ReceiveAsync(int max, TimeSpan visibility, CancellationToken cancellationToken) =>
        (await storage.Inbox.ReceiveMessagesAsync(max, visibility, cancellationToken).ConfigureAwait(false)).Value;

    public Task DeleteAsync(string messageId, string popReceipt, CancellationToken cancellationToken) =>
        storage.Inbox.DeleteMessageAsync(messageId, popReceipt, cancellationToken);

    /// <summary>Shows a failed message again after <paramref name="delay"/> (backoff before its next attempt).</summary>
    public Task DelayAsync(string messageId, string popReceipt, TimeSpan delay, CancellationToken cancellationToken) =>
        storage.Inbox.UpdateMessageAsync(messageId, popReceipt, visibilityTimeout: delay, cancellationToken: cancellationToken);
}

/// <summary>An input queued by this process: the envelope and the receipt that lets it delete the queue copy.</summary>
internal sealed record LocalInput(InputEnvelope Envelope, string MessageId, string PopReceipt);
