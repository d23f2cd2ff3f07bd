using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Storage;

namespace PostPurchase.Infrastructure.Runtime;

/// <summary>
/// The outbox's claim with the send-time check: reads the order's state, asks <see cref="SendCheck"/> about each row, and in one
/// transaction claims the rows that may go, suppresses those that lost their consent and defers texts that would land in quiet
/// hours, conditioned on the state row's ETag. A consent change committed after the read fails the claim, which then reads again:
/// a STOP that is stored before a message is claimed always wins.
/// </summary>
internal sealed partial class SendGate(
    OrderStore orders,
    OutboxStore outbox,
    StateCache cache,
    OrderLocks locks,
    ProviderPauses pauses,
    EngineOptions options,
    ILogger<SendGate> logger)
{
    private const int MaxAttempts = 5;

    /// <summary>Claims what may go now; the rest is settled (suppressed, with a status input for the decider) or deferred.</summary>
    public async Task<GateResult> ClaimAsync(DispatchBatch batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var rows = batch.Rows;
        // Quiet hours as the settings version in force says them now, like the rest of the send.
        var policy = (await options.CurrentAsync(cancellationToken).ConfigureAwait(false)).Policy;
        for (var attempt = 0; attempt < MaxAttempts && rows.Count > 0; attempt++)
        {
            using var held = await locks.AcquireAsync(batch.OrderId, cancellationToken).ConfigureAwait(false);
            var state = (attempt == 0 ? cache.Get(batch.OrderId) : null) ?? await orders.LoadAsync(batch.OrderId, cancellationToken).ConfigureAwait(false);
            if (state is null)
            {
                return GateResult.Empty; // the order was erased meanwhile
            }

            var judged = rows.Select(row => Judge(row, state.State, now, policy)).ToList();
            var written = await outbox.ClaimCheckedAsync(state, [.. judged.Select(j => j.Update)], now, cancellationToken).ConfigureAwait(false);
            if (written is { } stateEtag)
            {
                cache.Set(state with { ETag = stateEtag });
                return Result(batch.OrderId, judged) with { JudgedAt = state.ETag, ClaimedAt = stateEtag };
            }

            // The state or a row changed since they were read: read both again and judge afresh.
            cache.Forget(batch.OrderId);
            rows = await outbox.RereadClaimableAsync(rows, now, cancellationToken).ConfigureAwait(false);
            LogClaimRaced(batch.OrderId, attempt + 1);
        }

        return GateResult.Empty;
    }

    private Judged Judge(TableEntity row, TimelineState state, DateTimeOffset now, Core.Policies.TimelinePolicy policy)
    {
        var message = MessageRow.ReadMessage(row);
        var verdict = SendCheck.Judge(state, message, now, policy);
        var why = "the buyer's quiet hours";
        if (verdict.MayGo && pauses.Until(message.Channel, now) is { } paused)
        {
            verdict = SendVerdict.Defer(paused); // the provider asked to wait: not an attempt
            why = PausedReason(message.Channel);
        }
        var update = new TableEntity(row.PartitionKey, row.RowKey) { ETag = row.ETag };
        if (verdict.SuppressedBecause is { } reason)
        {
            update["Status"] = WireName.Of(MessageStatus.Suppressed);
            update["Reason"] = WireName.Of(reason);
            update["Error"] = $"Held back at send time: the buyer's consent for {WireName.Of(message.Channel)} ({WireName.Of(message.Purpose)}) was withdrawn after the message was decided.";
            LogHeldBack(row.GetString("OrderId") ?? row.PartitionKey, message.Key, WireName.Of(reason));
        }
        else if (verdict.DeferredUntil is { } until)
        {
            update["Status"] = MessageRow.Retry;
            update["NextAttemptAt"] = until;
            update[MessageRow.WaitingColumn] = MessageRow.WaitingNote(until, why);
        }
        else
        {
            update["Status"] = MessageRow.Sending;
            update["LeaseUntil"] = now + options.SendingLease;
            update["Attempts"] = (row.GetInt32("Attempts") ?? 0) + 1;
            if (row.GetString("Status") == MessageRow.Sending && row.GetDateTimeOffset(MessageRow.LostClaimColumn) is null
                && row.GetDateTimeOffset("LeaseUntil") is { } lease)
            {
                // A stale claim: its answer was lost. Kept until the row is settled, so a later retry still looks it up.
                update[MessageRow.LostClaimColumn] = lease - options.SendingLease;
            }
        }

        return new Judged(row, message, verdict, update);
    }

    /// <summary>Why a channel's messages wait for a provider's pause, in the merchant's words.</summary>
    internal static string PausedReason(Channel channel) =>
        $"the {WireName.Of(channel)} provider asked to wait (a rate limit or an outage), so every {WireName.Of(channel)} message waits; no attempt is spent";

    private static GateResult Result(string orderId, List<Judged> judged) => new(
        [.. judged.Where(j => j.Verdict.MayGo).Select(j => new ClaimedRow(j.Row, j.Message, j.Update))],
        [.. judged.Where(j => j.Verdict.SuppressedBecause is not null).Select(j => InputEnvelope.For(orderId,
            new MessageStatusChanged(j.Message.Key, MessageStatus.Suppressed, Error: j.Update.GetString("Error"), Reason: j.Verdict.SuppressedBecause)))],
        [.. judged.Select(j => j.Verdict.DeferredUntil).OfType<DateTimeOffset>()]);

    private sealed record Judged(TableEntity Row, TimelineMessage Message, SendVerdict Verdict, TableEntity Update);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId}: message {MessageKey} held back at send time ({Reason})")]
    private partial void LogHeldBack(string orderId, string messageKey, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId}: the claim raced a change of the order (attempt {Attempt}); judging again")]
    private partial void LogClaimRaced(string orderId, int attempt);
}

/// <summary>What a gated claim did: rows now owned for sending, status inputs for rows held back, and when deferred rows come due.</summary>
/// <param name="JudgedAt">The state row's ETag the claim was judged at.</param>
/// <param name="ClaimedAt">The state row's ETag after the claim touched it.</param>
internal sealed record GateResult(
    IReadOnlyList<ClaimedRow> Claimed, IReadOnlyList<InputEnvelope> HeldBack, IReadOnlyList<DateTimeOffset> DeferredUntil,
    Azure.ETag? JudgedAt = null, Azure.ETag? ClaimedAt = null)
{
    public static GateResult Empty { get; } = new([], [], []);
}

/// <summary>A row claimed for sending: the row as read (content), its message, and the claim (with the ETag the outcome is written at).</summary>
internal sealed record ClaimedRow(TableEntity Row, TimelineMessage Message, TableEntity Claim);
