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
    WakeupBoard board,
    OutboxWork outbox,
    OutboxStore outboxStore,
    EngineOptions options,
    EngineMetrics metrics,
    TimeProvider time,
    ILogger<TimelineApplier> logger)
{
    public async Task<(ApplyOutcome Outcome, LoadedState? State)> ApplyAsync(InputEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var started = Stopwatch.GetTimestamp();
        using var held = await locks.AcquireAsync(envelope.OrderId, cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; attempt <= options.MaxConflictRetries; attempt++)
        {
            var loaded = cache.Get(envelope.OrderId);
            var fromCache = loaded is not null;
            loaded ??= await LoadAsync(envelope.OrderId, cancellationToken).ConfigureAwait(false);
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
                metrics.Input(envelope.Type, WireName.Of(outcome));
                return (outcome, loaded);
            }

            var decision = options.Decide(loaded?.State, envelope.Input, now, options.Policy);
            var rows = decision.Messages
                .Where(m => m.Status is MessageStatus.Pending or MessageStatus.Suppressed)
                .Select(m => MessageRow.ToEntity(envelope.OrderId, m, Render(m, decision.State), decision.State.Order.Customer.FirstName))
                .ToList();
            var commit = await store.CommitAsync(loaded, envelope.OrderId, decision.State, envelope.Id, rows, NewEvents(loaded, envelope.Input), cancellationToken)
                .ConfigureAwait(false);
            if (commit is null)
            {
                cache.Forget(envelope.OrderId);
                metrics.Conflict();
                LogConflict(envelope.OrderId, envelope.Type, attempt + 1);
                continue;
            }

            cache.Set(commit.State);
            await AfterCommitAsync(envelope, loaded, decision, commit, cancellationToken).ConfigureAwait(false);
            metrics.Input(envelope.Type, "applied");
            metrics.ApplyDuration(Stopwatch.GetElapsedTime(started));
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

    private Core.Messages.RenderedMessage? Render(TimelineMessage message, TimelineState state)
    {
        if (message.Status == MessageStatus.Pending)
        {
            // A message that cannot be rendered must not be sent half-made: the input fails and is retried, then poisoned.
            return options.Render(message, state);
        }

        try
        {
            return options.Render(message, state);
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

    private async Task AfterCommitAsync(InputEnvelope envelope, LoadedState? previous, Decision decision, CommitResult commit, CancellationToken cancellationToken)
    {
        foreach (var row in commit.MessageRows)
        {
            var message = MessageRow.ReadMessage(row);
            metrics.Message(WireName.Of(message.Intent), WireName.Of(message.Channel), WireName.Of(message.Status));
        }

        outbox.Post(envelope.OrderId, commit.MessageRows.Where(r => r.GetString("Status") == MessageRow.Pending).ToList());
        if (envelope.Input is MessageStatusChanged changed)
        {
            await outboxStore.RecordCallbackAsync(envelope.OrderId, changed, cancellationToken).ConfigureAwait(false);
        }

        if (decision.State.NextWakeAt is { } due && !decision.State.Completed && due != previous?.State.NextWakeAt)
        {
            try
            {
                board.Add(await wakeups.AddAsync(envelope.OrderId, due, cancellationToken).ConfigureAwait(false));
            }
            catch (Azure.RequestFailedException ex)
            {
                // The state row holds NextWakeAt; the index reconciliation re-adds the row. Logged, not lost.
                LogWakeIndexFailed(ex, envelope.OrderId, due);
            }
        }

        LogApplied(envelope.OrderId, envelope.Type, decision.Messages.Count, decision.State.NextWakeAt);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Order {OrderId}: applied {InputType}; {MessageCount} messages decided; next wake-up {NextWakeAt}")]
    private partial void LogApplied(string orderId, string inputType, int messageCount, DateTimeOffset? nextWakeAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId}: state changed meanwhile while applying {InputType} (attempt {Attempt}); deciding again")]
    private partial void LogConflict(string orderId, string inputType, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: could not render suppressed message {MessageKey}; recorded without content")]
    private partial void LogSuppressedRenderFailed(Exception exception, string orderId, string messageKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: wake-up index write for {DueAt} failed; the reconciliation sweep will restore it")]
    private partial void LogWakeIndexFailed(Exception exception, string orderId, DateTimeOffset dueAt);
}
