using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Channels;
using PostPurchase.Infrastructure.Storage;

namespace PostPurchase.Infrastructure.Runtime;

/// <summary>
/// Sends Pending message rows through their channel's sender: claim with the send-time check (<see cref="SendGate"/>) -> send,
/// every message of the batch at once, so no provider waits on another -> record the outcomes. A row is only ever sent by the one
/// who claimed it; a claim that outlives its lease goes back to a sender that can ask its provider first, else is marked unknown,
/// never resent blindly.
/// </summary>
internal sealed partial class OutboxDispatcher(
    OutboxStore store,
    OutboxAttention attention,
    SendGate gate,
    ProviderPauses pauses,
    ChannelRecovery recovery,
    SweepSchedule schedule,
    OpenOrderIndex openOrders,
    StateCache cache,
    InboxQueue inbox,
    IEnumerable<IChannelSender> senders,
    EngineOptions options,
    EngineMetrics metrics,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger)
{
    private readonly Dictionary<Channel, IChannelSender> _senders = senders.GroupBy(s => s.Channel).ToDictionary(g => g.Key, g => g.Last());
    private static readonly TimeSpan LeaseGrace = TimeSpan.FromSeconds(1);

    // Orders a sweep dispatches at once: after an outage the backlog is hundreds of orders, and one after another it drained at
    // the pace of one claim, send and record at a time.
    private const int SweepParallelism = 16;
    private int _inFlight;
    private bool _sweptOnce;

    /// <summary>Batches being sent right now (by any loop), so a drain can wait for their outcome.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

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
        var gated = await gate.ClaimAsync(batch, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return await SendGatedAsync(batch, gated, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends what <see cref="SendGate.ClaimAsync"/> claimed and records the outcomes; returns how many rows it settled.</summary>
    internal async Task<int> SendGatedAsync(DispatchBatch batch, GateResult gated, CancellationToken cancellationToken)
    {
        var orderId = batch.OrderId;
        foreach (var until in gated.DeferredUntil)
        {
            schedule.Note(until);
        }

        var follow = new List<InputEnvelope>(gated.HeldBack);
        // Each send on its own task: a provider that blocks before its first await cannot hold up the others either.
        var outcomes = await Task.WhenAll(gated.Claimed.Select(claimed => Task.Run(async () =>
        {
            var result = await SendAsync(orderId, claimed, cancellationToken).ConfigureAwait(false);
            var inputs = new List<InputEnvelope>();
            var outcome = result is { } sent
                ? Outcome(orderId, claimed.Claim, claimed.Message, sent, time.GetUtcNow(), inputs)
                : PausedOutcome(claimed);
            return (outcome, inputs);
        }, cancellationToken))).ConfigureAwait(false);

        var release = Releasable(batch, gated, [.. outcomes.Select(o => o.outcome)]);
        var released = await store.CompleteAsync([.. outcomes.Select(o => o.outcome)], release, cancellationToken).ConfigureAwait(false);
        if (released is { } releasedAt && release is not null)
        {
            cache.Released(batch.OrderId, release.ETag, releasedAt, OpenKinds.Outbox);
            await openOrders.ForgetAsync(batch.Release!.Entry, cancellationToken).ConfigureAwait(false);
        }

        foreach (var input in follow.Concat(outcomes.SelectMany(o => o.inputs)))
        {
            await inbox.EnqueueAsync(input, options.VisibilityTimeout, cancellationToken).ConfigureAwait(false);
        }

        return gated.Claimed.Count + gated.HeldBack.Count + gated.DeferredUntil.Count;
    }

    // A provider asked to wait after this row was claimed (up to SendConcurrency hand-offs are in flight at once): the row waits
    // for the pause's end as a claim would have deferred it, and the attempt it was charged is given back.
    private TableEntity PausedOutcome(ClaimedRow claimed)
    {
        var until = pauses.Until(claimed.Message.Channel, time.GetUtcNow()) ?? time.GetUtcNow();
        schedule.Note(until);
        return new TableEntity(claimed.Claim.PartitionKey, claimed.Claim.RowKey)
        {
            ETag = claimed.Claim.ETag,
            ["Status"] = MessageRow.Retry,
            ["NextAttemptAt"] = until,
            [MessageRow.WaitingColumn] = MessageRow.WaitingNote(until, SendGate.PausedReason(claimed.Message.Channel)),
            ["Attempts"] = Math.Max(0, (claimed.Claim.GetInt32("Attempts") ?? 1) - 1),
        };
    }

    /// <summary>
    /// Handles what no in-process hand-off covers: Pending rows (after a crash or from another instance), due retries and stale
    /// claims. The first sweep of a process also notes when the retries and claims it inherited fall due, and sweeps again then.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        schedule.Forget(now);
        var upcoming = !_sweptOnce;
        var rows = await attention.NeedingAttentionAsync(now, upcoming, recovery.TakeWoken(), cancellationToken).ConfigureAwait(false);
        _sweptOnce = true;
        if (upcoming)
        {
            rows = [.. rows.Where(row => !NotedForLater(row, now))];
        }

        var handled = 0;
        var resend = new List<TableEntity>();
        foreach (var stale in rows.Where(r => r.GetString("Status") == MessageRow.Sending))
        {
            if (_senders.TryGetValue(MessageRow.ReadMessage(stale).Channel, out var lookup) && lookup.CanLookUpSends)
            {
                // The sender asks the provider first (the attempt count says an answer was lost), so claiming it again is safe.
                resend.Add(stale);
                continue;
            }

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

        var orders = rows.Where(r => r.GetString("Status") != MessageRow.Sending).Concat(resend).GroupBy(r => r.GetString("OrderId") ?? r.PartitionKey);
        await Parallel.ForEachAsync(orders, new ParallelOptions { MaxDegreeOfParallelism = SweepParallelism, CancellationToken = cancellationToken }, async (order, ct) =>
            Interlocked.Add(ref handled, await DispatchAsync(new DispatchBatch(order.Key, order.ToList()), ct).ConfigureAwait(false))).ConfigureAwait(false);
        return handled;
    }

    /// <summary>
    /// The state row merge that releases the order's outbox entry along with the outcomes: only for the batch whose commit wrote the
    /// entry, claimed at that commit's state (so its rows are all the order has in the outbox), when every row is settled.
    /// </summary>
    private static TableEntity? Releasable(DispatchBatch batch, GateResult gated, IReadOnlyList<TableEntity> outcomes)
    {
        if (batch.Release is not { } release || gated.JudgedAt != release.CommitETag || gated.ClaimedAt is not { } claimedAt
            || gated.Claimed.Count + gated.HeldBack.Count != batch.Rows.Count
            || outcomes.Any(o => o.GetString("Status") is { } status && (status == MessageRow.Pending || status == MessageRow.Retry || status == MessageRow.Sending)))
        {
            return null;
        }

        return new TableEntity(batch.Rows[0].PartitionKey, StateRow.RowKey) { [StateRow.OpenColumn] = (int)(release.Open & ~OpenKinds.Outbox), ETag = claimedAt };
    }

    /// <returns>The sender's result, or null when the channel's provider asked to wait since the claim (nothing was sent).</returns>
    private async Task<SendResult?> SendAsync(string orderId, ClaimedRow claimed, CancellationToken cancellationToken)
    {
        var (row, message) = (claimed.Row, claimed.Message);
        var content = MessageRow.ReadContent(row);
        if (content is null || string.IsNullOrEmpty(message.To))
        {
            return new SendResult(SendOutcome.Failed, Error: "The message has no rendered content or no recipient.");
        }

        if (!_senders.TryGetValue(message.Channel, out var sender))
        {
            return new SendResult(SendOutcome.Failed, Error: $"No sender is configured for channel {WireName.Of(message.Channel)}.");
        }

        var settings = await options.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var outbound = new OutboundMessage(
            message.Key, orderId, message.Intent, message.Channel, message.To, row.GetString("RecipientName") ?? "", message.Locale,
            message.Purpose, content, message.Channel == Channel.Email ? null : StatusCallback(message.Key),
            WhatsAppWindowOpen: message.Channel == Channel.WhatsApp && WhatsAppWindow.IsOpen(row.GetDateTimeOffset(MessageRow.WhatsAppWindowColumn), time.GetUtcNow()),
            MayHaveBeenSent: (row.GetInt32("Attempts") ?? 0) > 0,
            UnsubscribeUrl: message.Purpose == MessagePurpose.Transactional ? null : options.UnsubscribeUrl?.Invoke(orderId),
            Branding: settings.Branding,
            WhatsAppTemplateSid: message.Channel == Channel.WhatsApp ? settings.WhatsAppTemplate?.Invoke(message.Intent, message.Locale) : null,
            LostAttemptAt: claimed.Claim.GetDateTimeOffset(MessageRow.LostClaimColumn) ?? row.GetDateTimeOffset(MessageRow.LostClaimColumn));
        // The last look at the provider's pause, right before the call: the claim's look may be seconds old by now.
        if (pauses.Until(message.Channel, time.GetUtcNow()) is not null)
        {
            return null;
        }

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
                if (recovery.Accepted(message.Channel, now))
                {
                    schedule.Note(now); // the channel's waiting messages go at the next sweep, now
                }

                outcome["Status"] = WireName.Of(MessageStatus.Sent);
                outcome["ProviderMessageId"] = result.ProviderMessageId;
                outcome["SentAt"] = now;
                break;
            case SendOutcome.Retry:
                recovery.Refused(message.Channel, now);
                var delay = result.RetryAfter ?? TimeSpan.FromSeconds(Math.Min(3600, 5 * Math.Pow(2, attempts - 1)));
                if (result.RetryAfter is { } wait)
                {
                    pauses.Pause(message.Channel, now + wait);
                }

                outcome["Status"] = MessageRow.Retry;
                outcome["NextAttemptAt"] = now + delay;
                outcome[MessageRow.WaitingColumn] = MessageRow.WaitingNote(now + delay, $"attempt {attempts} of {options.MaxSendAttempts} was not accepted; the next one goes then");
                schedule.Note(now + delay);
                break;
            case SendOutcome.OptedOut:
                outcome["Status"] = WireName.Of(MessageStatus.Suppressed);
                outcome["Reason"] = WireName.Of(SuppressionReason.OptedOut);
                if (message.Channel != Channel.Email)
                {
                    follow.Add(InputEnvelope.For(orderId, new ConsentChanged(WireName.Of(message.Channel), false, "provider")));
                }

                break;
            case SendOutcome.Suppressed:
                outcome["Status"] = WireName.Of(MessageStatus.Suppressed);
                outcome["Reason"] = WireName.Of(result.Reason ?? SuppressionReason.OptedOut);
                follow.Add(InputEnvelope.For(orderId, new MessageStatusChanged(message.Key, MessageStatus.Suppressed, Error: result.Error, Reason: result.Reason)));
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

    // A process killed mid-send leaves its claims leased and its retries scheduled only in its own memory: without this, they
    // would wait for the regular sweep (minutes) after the lease or retry time.
    private bool NotedForLater(TableEntity row, DateTimeOffset now)
    {
        var status = row.GetString("Status");
        if (status == MessageRow.Sending && row.GetDateTimeOffset("LeaseUntil") is { } lease && lease >= now)
        {
            // Stale means the lease lies strictly before the sweep's time.
            schedule.Note(lease + LeaseGrace);
            return true;
        }

        if (status == MessageRow.Retry && row.GetDateTimeOffset("NextAttemptAt") is { } next && next > now)
        {
            schedule.Note(next);
            return true;
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Order {OrderId}: sender {Provider} threw for message {MessageKey}; will retry")]
    private partial void LogSenderThrew(Exception exception, string orderId, string messageKey, string provider);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: message {MessageKey} may or may not have been sent; marked unknown for a person to check")]
    private partial void LogUnknown(string orderId, string messageKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: message {MessageKey} failed for good: {Error}")]
    private partial void LogFailed(string orderId, string messageKey, string? error);
}
