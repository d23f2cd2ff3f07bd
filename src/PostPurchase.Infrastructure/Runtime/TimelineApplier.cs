using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Infrastructure.Storage;

namespace PostPurchase.Infrastructure.Runtime;

/// <summary>
/// Applies one input to one order: load state (ETag) -> decide -> render -> one transaction (state + message rows + event rows)
/// -> wake-up index and outbox hand-off. Idempotent per input id; an ETag conflict reloads and decides again.
/// </summary>
internal sealed partial class TimelineApplier(
    OrderStore store,
    StateCache cache,
    OrderLocks locks,
    WakeupIndex wakeups,
    OpenOrderIndex openOrders,
    WakeupBoard board,
    OutboxWork outbox,
    OutboxStore outboxStore,
    EngineOptions options,
    EngineMetrics metrics,
    InputBacklog backlog,
    TimeProvider time,
    ILogger<TimelineApplier> logger,
    MerchantWebhooks.IMerchantWebhooks? webhooks = null,
    Buyers.IBuyerProfiles? buyers = null)
{
    public async Task<(ApplyOutcome Outcome, LoadedState? State)> ApplyAsync(InputEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        // Admission control counts it as backlog while it is applied (an input queued here was counted since it was queued).
        backlog.Track(envelope);
        try
        {
            return await ApplyCountedAsync(envelope, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            backlog.Done(envelope);
        }
    }

    private async Task<(ApplyOutcome Outcome, LoadedState? State)> ApplyCountedAsync(InputEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var started = Stopwatch.GetTimestamp();
        using var held = await locks.AcquireAsync(envelope.OrderId, cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; attempt <= options.MaxConflictRetries; attempt++)
        {
            var loaded = cache.Get(envelope.OrderId);
            var fromCache = loaded is not null;

            // An intake is almost always a new order: insert without reading first; an existing order fails the insert,
            // and the next attempt reads it and answers "already exists" (the transaction wrote nothing).
            var assumeNew = attempt == 0 && !fromCache && envelope.Input is OrderPlaced;
            if (!assumeNew)
            {
                loaded ??= await LoadAsync(envelope.OrderId, cancellationToken).ConfigureAwait(false);
            }

            var now = time.GetUtcNow();
            var skip = Check(loaded, envelope, now);
            if (skip is ApplyOutcome.NotDue && fromCache)
            {
                // The cached row may be stale (another instance moved the order on): judge again from storage.
                loaded = await LoadAsync(envelope.OrderId, cancellationToken).ConfigureAwait(false);
                skip = Check(loaded, envelope, now);
            }

            if (skip is { } outcome)
            {
                if (outcome == ApplyOutcome.NotDue && loaded is not null)
                {
                    await KeepIndexedAsync(loaded, now, cancellationToken).ConfigureAwait(false);
                }

                metrics.Input(envelope.Type, WireName.Of(outcome));
                return (outcome, loaded);
            }

            // One settings version decides and renders, so a message's content matches the version stamped on it.
            var settings = await options.CurrentAsync(cancellationToken).ConfigureAwait(false);
            var decision = await Buyers.MarketingReservation.DecideAsync(options.Decide, buyers, loaded?.State, envelope.Input, now, settings.Policy, cancellationToken)
                .ConfigureAwait(false);
            var rows = decision.Messages
                .Where(m => m.Status is MessageStatus.Pending or MessageStatus.Suppressed)
                .Select(m => MessageRow.ToEntity(envelope.OrderId, m, Render(m, decision.State, settings.Render), decision.State.Order.Customer.FirstName, decision.State.WhatsAppWindowOpenedAt))
                .ToList();
            var indexed = await IndexAheadAsync(envelope, loaded?.Indexed ?? [], decision.State, now, cancellationToken).ConfigureAwait(false);
            var writtenAt = time.GetTimestamp();
            var (open, outboxEntry) = await openOrders.BeforeCommitAsync(
                envelope.OrderId, loaded?.Open ?? OpenKinds.None, decision.State.Completed, rows.Any(r => r.GetString("Status") == MessageRow.Pending), cancellationToken)
                .ConfigureAwait(false);
            var commit = await store.CommitAsync(
                loaded, envelope.OrderId, decision.State, envelope.Id, indexed, rows, NewEvents(loaded, envelope.Input), open, cancellationToken).ConfigureAwait(false);
            if (commit is null && assumeNew)
            {
                continue;
            }

            if (commit is null)
            {
                cache.Forget(envelope.OrderId);
                metrics.Conflict();
                LogConflict(envelope.OrderId, envelope.Type, attempt + 1);
                continue;
            }

            if (loaded is null && open != OpenKinds.None && time.GetElapsedTime(writtenAt) > OpenOrderIndex.RewriteAfter)
            {
                // A new order's entries may have looked abandoned (no state row) while this insert was under way: write them again.
                await openOrders.WriteAheadAsync(envelope.OrderId, open, cancellationToken).ConfigureAwait(false);
            }

            cache.Set(commit.State);
            await AfterCommitAsync(envelope, decision, commit, outboxEntry, cancellationToken).ConfigureAwait(false);
            metrics.Input(envelope.Type, "applied");
            metrics.ApplyDuration(Stopwatch.GetElapsedTime(started));
            if (envelope.AcceptedAt is { } accepted)
            {
                metrics.AcceptedToApplied(time.GetUtcNow() - accepted);
            }

            return (ApplyOutcome.Applied, commit.State);
        }

        throw new InvalidOperationException(
            $"Order {envelope.OrderId}: input {envelope.Id} ({envelope.Type}) lost {options.MaxConflictRetries + 1} races for the state row in a row.");
    }

    private async Task<LoadedState?> LoadAsync(string orderId, CancellationToken cancellationToken)
    {
        var loaded = await store.LoadAsync(orderId, cancellationToken).ConfigureAwait(false);
        if (loaded is not null)
        {
            cache.Set(loaded);
        }

        return loaded;
    }

    private static ApplyOutcome? Check(LoadedState? loaded, InputEnvelope envelope, DateTimeOffset now) => loaded switch
    {
        null when envelope.Input is OrderPlaced => null,
        null => ApplyOutcome.UnknownOrder,
        _ when loaded.HasApplied(envelope.Id) => ApplyOutcome.Duplicate,
        _ when envelope.Input is OrderPlaced => ApplyOutcome.AlreadyExists,
        _ when envelope.Input is WakeUp && (loaded.State.Completed || loaded.State.NextWakeAt is not { } due || due > now) => ApplyOutcome.NotDue,
        _ => null,
    };

    /// <summary>
    /// Writes the wake-up index row before the state that needs it (so a crash in between leaves an extra row, never a missing one),
    /// and only when no row at or before the new NextWakeAt is still waiting: most decisions move the wake-up later and write nothing,
    /// and a wake-up that comes back to a time already indexed (a quiet-hours deferral in between) reuses that row.
    /// Returns the rows still waiting, for the state row.
    /// </summary>
    private async Task<IReadOnlyList<DateTimeOffset>> IndexAheadAsync(
        InputEnvelope envelope, IReadOnlyList<DateTimeOffset> indexed, TimelineState next, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = next.Completed ? null : next.NextWakeAt;

        // A row still waits when it is in the future, or when it is exactly this due time and this input is not its firing.
        var waiting = indexed.Where(r => r > now || (r == due && envelope.Input is not WakeUp)).ToList();
        if (due is not { } at || waiting.Any(r => r <= at))
        {
            return Earliest(waiting);
        }

        board.Add(await wakeups.AddAsync(envelope.OrderId, at, cancellationToken).ConfigureAwait(false));
        return Earliest([.. waiting, at]);
    }

    private static DateTimeOffset[] Earliest(IEnumerable<DateTimeOffset> rows) => [.. rows.Distinct().Order().Take(LoadedState.IndexedWindow)];

    /// <summary>A wake-up fired early (the order's NextWakeAt moved later): make sure a row waits for the real one.</summary>
    private async Task KeepIndexedAsync(LoadedState loaded, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!loaded.State.Completed && loaded.State.NextWakeAt is { } due && due > now
            && !loaded.Indexed.Any(waiting => waiting > now && waiting <= due))
        {
            board.Add(await wakeups.AddAsync(loaded.OrderId, due, cancellationToken).ConfigureAwait(false));

            // The state row learns of this row with its next commit; until then this process remembers it.
            cache.Set(loaded with { IndexedWakeAts = Earliest([.. loaded.Indexed.Where(r => r > now), due]) });
        }
    }

    private Core.Messages.RenderedMessage? Render(TimelineMessage message, TimelineState state, Func<TimelineMessage, TimelineState, Core.Messages.RenderedMessage> render)
    {
        if (message.Status == MessageStatus.Pending)
        {
            // A message that cannot be rendered must not be sent half-made: the input fails and is retried, then poisoned.
            return render(message, state);
        }

        try
        {
            return render(message, state);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Suppressed messages are only recorded; what they would have said is a nice-to-have.
            LogSuppressedRenderFailed(ex, state.Order.OrderId, message.Key);
            return null;
        }
    }

    private static IReadOnlyList<TrackingEvent> NewEvents(LoadedState? loaded, TimelineInput input) =>
        input is TrackingUpdated { Event: var e } && loaded?.State.Events.Any(x => x.Provider == e.Provider && x.EventId == e.EventId) != true
            ? [e]
            : [];

    private async Task AfterCommitAsync(InputEnvelope envelope, Decision decision, CommitResult commit, OpenEntry? outboxEntry, CancellationToken cancellationToken)
    {
        foreach (var row in commit.MessageRows)
        {
            var message = MessageRow.ReadMessage(row);
            metrics.Message(WireName.Of(message.Intent), WireName.Of(message.Channel), WireName.Of(message.Status));
        }

        outbox.Post(
            envelope.OrderId, commit.MessageRows.Where(r => r.GetString("Status") == MessageRow.Pending).ToList(),
            outboxEntry is null ? null : new OutboxRelease(outboxEntry, commit.State.ETag, commit.State.Open));
        if (envelope.Input is MessageStatusChanged changed)
        {
            await outboxStore.RecordCallbackAsync(envelope.OrderId, changed, cancellationToken).ConfigureAwait(false);
        }

        await QueueSignalsAsync(envelope.OrderId, decision, cancellationToken).ConfigureAwait(false);
        LogApplied(envelope.OrderId, envelope.Type, envelope.Id, decision.Messages.Count, decision.State.NextWakeAt);
    }

    // Signals go to the shop's webhooks after the commit; queuing only logs them, the webhook dispatcher sends.
    private async Task QueueSignalsAsync(string orderId, Decision decision, CancellationToken cancellationToken)
    {
        if (webhooks is null)
        {
            return;
        }
        foreach (var signal in decision.Signals)
        {
            try
            {
                await webhooks.EnqueueAsync(signal, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSignalNotQueued(ex, orderId, WireName.Of(signal.Kind));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Order {OrderId}: the {Kind} webhook could not be queued; the input stays applied")]
    private partial void LogSignalNotQueued(Exception exception, string orderId, string kind);

    // The input id (a wake-up's is its due time) lets an operator, or the two-Host fault case, see an input applied twice.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Order {OrderId}: applied {InputType} {InputId}; {MessageCount} messages decided; next wake-up {NextWakeAt}")]
    private partial void LogApplied(string orderId, string inputType, string inputId, int messageCount, DateTimeOffset? nextWakeAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId}: state changed meanwhile while applying {InputType} (attempt {Attempt}); deciding again")]
    private partial void LogConflict(string orderId, string inputType, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: could not render suppressed message {MessageKey}; recorded without content")]
    private partial void LogSuppressedRenderFailed(Exception exception, string orderId, string messageKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: wake-up index write for {DueAt} failed; the reconciliation sweep will restore it")]
    private partial void LogWakeIndexFailed(Exception exception, string orderId, DateTimeOffset dueAt);
}
