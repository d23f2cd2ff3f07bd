using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Channels;
using PostPurchase.Infrastructure.Storage;

namespace PostPurchase.Infrastructure.Runtime;

/// <summary>
/// Sends Pending message rows through their channel's sender: claim (Sending, at the ETag) -> send -> record the outcome.
/// A row is only ever sent by the one who claimed it; a claim that outlives its lease is marked unknown, never resent blindly.
/// </summary>
internal sealed partial class OutboxDispatcher(
    OutboxStore store,
    InboxQueue inbox,
    IEnumerable<IChannelSender> senders,
    EngineOptions options,
    EngineMetrics metrics,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger)
{
    private readonly Dictionary<Channel, IChannelSender> _senders = senders.GroupBy(s => s.Channel).ToDictionary(g => g.Key, g => g.Last());
    private readonly SortedSet<long> _retries = [];
    private int _inFlight;

    /// <summary>Batches being sent right now (by any loop), so a drain can wait for their outcome.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>The earliest retry this process scheduled and the sweep has not handled yet, so the sweep can run then.</summary>
    public DateTimeOffset? EarliestRetry
    {
        get
        {
            lock (_retries)
            {
                return _retries.Count == 0 ? null : new DateTimeOffset(_retries.Min, TimeSpan.Zero);
            }
        }
    }

    /// <summary>Claims and sends one order's rows; returns how many were sent or settled.</summary>
    public async Task<int> DispatchAsync(DispatchBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Interlocked.Increment(ref _inFlight);
        try
        {
            return await DispatchClaimedAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task<int> DispatchClaimedAsync(DispatchBatch batch, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var claimed = await store.ClaimAsync(batch.Rows, now + options.SendingLease, cancellationToken).ConfigureAwait(false);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var originals = batch.Rows.ToDictionary(r => r.RowKey, StringComparer.Ordinal);
        var outcomes = new List<TableEntity>(claimed.Count);
        var follow = new List<InputEnvelope>();
        foreach (var claim in claimed)
        {
            var row = originals[claim.RowKey];
            var message = MessageRow.ReadMessage(row);
            var result = await SendAsync(batch.OrderId, row, message, cancellationToken).ConfigureAwait(false);
            outcomes.Add(Outcome(batch.OrderId, claim, message, result, time.GetUtcNow(), follow));
        }

        await store.CompleteAsync(outcomes, cancellationToken).ConfigureAwait(false);
        foreach (var input in follow)
        {
            await inbox.EnqueueAsync(input, options.VisibilityTimeout, cancellationToken).ConfigureAwait(false);
        }

        return claimed.Count;
    }

    /// <summary>Handles what no in-process hand-off covers: Pending rows (after a crash or from another instance), due retries and stale claims.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_retries)
        {
            _retries.RemoveWhere(ticks => ticks <= now.UtcTicks);
        }

        var rows = await store.NeedingAttentionAsync(now, cancellationToken).ConfigureAwait(false);
        var handled = 0;
        foreach (var stale in rows.Where(r => r.GetString("Status") == MessageRow.Sending))
        {
            var mark = new TableEntity(stale.PartitionKey, stale.RowKey)
            {
                ["Status"] = MessageRow.Unknown,
                ["Error"] = $"The sender was called at most once but its answer was never recorded (claim expired {stale.GetDateTimeOffset("LeaseUntil"):O}).",
                ETag = stale.ETag,
            };
            await store.CompleteAsync([mark], cancellationToken).ConfigureAwait(false);
            LogUnknown(stale.GetString("OrderId") ?? stale.PartitionKey, stale.RowKey);
            handled++;
        }

        foreach (var order in rows.Where(r => r.GetString("Status") != MessageRow.Sending).GroupBy(r => r.GetString("OrderId") ?? r.PartitionKey))
        {
            handled += await DispatchAsync(new DispatchBatch(order.Key, order.ToList()), cancellationToken).ConfigureAwait(false);
        }

        return handled;
    }

    private async Task<SendResult> SendAsync(string orderId, TableEntity row, TimelineMessage message, CancellationToken cancellationToken)
    {
        var content = MessageRow.ReadContent(row);
        if (content is null || string.IsNullOrEmpty(message.To))
        {
            return new SendResult(SendOutcome.Failed, Error: "The message has no rendered content or no recipient.");
        }

        if (!_senders.TryGetValue(message.Channel, out var sender))
        {
            return new SendResult(SendOutcome.Failed, Error: $"No sender is configured for channel {WireName.Of(message.Channel)}.");
        }

        var outbound = new OutboundMessage(
            message.Key, orderId, message.Intent, message.Channel, message.To, row.GetString("RecipientName") ?? "", message.Locale,
            message.Purpose, content, message.Channel == Channel.Email ? null : StatusCallback(message.Key),
            WhatsAppWindowOpen: message.Channel == Channel.WhatsApp && WhatsAppWindow.IsOpen(row.GetDateTimeOffset(MessageRow.WhatsAppWindowColumn), time.GetUtcNow()),
            UnsubscribeUrl: message.Purpose == MessagePurpose.Transactional ? null : options.UnsubscribeUrl?.Invoke(orderId));
        try
        {
            return await sender.SendAsync(outbound, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Senders classify provider errors themselves; an exception means the request was not made (or a bug): retry.
            LogSenderThrew(ex, orderId, message.Key, sender.Provider);
            return new SendResult(SendOutcome.Retry, Error: $"{sender.Provider} threw {ex.GetType().Name}: {ex.Message}");
        }
    }

    // The status webhook finds the message by its key; without it Twilio's callbacks would be refused.
    private string? StatusCallback(string messageKey) =>
        options.StatusCallbackUrl is { } url ? $"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}key={Uri.EscapeDataString(messageKey)}" : null;

    private TableEntity Outcome(string orderId, TableEntity claim, TimelineMessage message, SendResult result, DateTimeOffset now, List<InputEnvelope> follow)
    {
        var outcome = new TableEntity(claim.PartitionKey, claim.RowKey) { ETag = claim.ETag, ["Error"] = result.Error };
        var attempts = claim.GetInt32("Attempts") ?? 1;
        var kind = result.Outcome == SendOutcome.Retry && attempts >= options.MaxSendAttempts ? SendOutcome.Failed : result.Outcome;
        switch (kind)
        {
            case SendOutcome.Sent:
                outcome["Status"] = WireName.Of(MessageStatus.Sent);
                outcome["ProviderMessageId"] = result.ProviderMessageId;
                outcome["SentAt"] = now;
                break;
            case SendOutcome.Retry:
                var delay = result.RetryAfter ?? TimeSpan.FromSeconds(Math.Min(3600, 5 * Math.Pow(2, attempts - 1)));
                outcome["Status"] = MessageRow.Retry;
                outcome["NextAttemptAt"] = now + delay;
                NoteRetry(now + delay);
                break;
            case SendOutcome.OptedOut:
                outcome["Status"] = WireName.Of(MessageStatus.Suppressed);
                outcome["Reason"] = WireName.Of(SuppressionReason.OptedOut);
                if (message.Channel != Channel.Email)
                {
                    follow.Add(InputEnvelope.For(orderId, new ConsentChanged(WireName.Of(message.Channel), false, "provider")));
                }

                break;
            case SendOutcome.Unknown:
                outcome["Status"] = MessageRow.Unknown;
                LogUnknown(orderId, message.Key);
                break;
            default:
                outcome["Status"] = WireName.Of(MessageStatus.Failed);
                follow.Add(InputEnvelope.For(orderId, new MessageStatusChanged(message.Key, MessageStatus.Failed, Error: result.Error)));
                LogFailed(orderId, message.Key, result.Error);
                break;
        }

        metrics.Message(WireName.Of(message.Intent), WireName.Of(message.Channel), outcome.GetString("Status")!);
        return outcome;
    }

    private void NoteRetry(DateTimeOffset at)
    {
        lock (_retries)
        {
            _retries.Add(at.UtcTicks);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Order {OrderId}: sender {Provider} threw for message {MessageKey}; will retry")]
    private partial void LogSenderThrew(Exception exception, string orderId, string messageKey, string provider);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: message {MessageKey} may or may not have been sent; marked unknown for a person to check")]
    private partial void LogUnknown(string orderId, string messageKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: message {MessageKey} failed for good: {Error}")]
    private partial void LogFailed(string orderId, string messageKey, string? error);
}
