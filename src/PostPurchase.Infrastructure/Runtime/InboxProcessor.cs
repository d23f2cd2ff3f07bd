using System.Text.Json;
using Microsoft.Extensions.Logging;
using PostPurchase.Infrastructure.Storage;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Infrastructure.Runtime;

/// <summary>
/// Applies queued inputs: this process's own at once (no receive needed), others' by receiving batches. Orders run in parallel,
/// one order's inputs in queue order; a failure is retried with backoff and, after the last attempt, moved to the poison table.
/// </summary>
internal sealed partial class InboxProcessor(
    InboxQueue inbox,
    TimelineApplier applier,
    PoisonStore poison,
    EngineOptions options,
    EngineMetrics metrics,
    TimeProvider time,
    ILogger<InboxProcessor> logger)
{
    private int _inFlight;

    /// <summary>Inputs being applied right now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Applies every input this process queued and has not applied yet; returns how many.</summary>
    public async Task<int> ProcessLocalAsync(CancellationToken cancellationToken)
    {
        var items = new List<Item>();
        while (inbox.Local.TryRead(out var local))
        {
            items.Add(new Item(local.Envelope, null, local.MessageId, local.PopReceipt, 0));
        }

        await RunAsync(items, cancellationToken).ConfigureAwait(false);
        return items.Count;
    }

    /// <summary>Receives one batch from the queue and applies it; returns how many messages were received.</summary>
    public async Task<int> ProcessQueuedAsync(CancellationToken cancellationToken)
    {
        var received = await inbox.ReceiveAsync(options.InboxBatchSize, options.VisibilityTimeout, cancellationToken).ConfigureAwait(false);
        var items = new List<Item>(received.Length);
        foreach (var message in received)
        {
            try
            {
                items.Add(new Item(InputEnvelope.FromJson(message.MessageText), null, message.MessageId, message.PopReceipt, (int)message.DequeueCount));
            }
            catch (JsonException ex)
            {
                items.Add(new Item(null, message.MessageText, message.MessageId, message.PopReceipt, options.MaxInputAttempts) { ParseError = ex });
            }
        }

        await RunAsync(items, cancellationToken).ConfigureAwait(false);
        return received.Length;
    }

    private async Task RunAsync(List<Item> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return;
        }

        Interlocked.Add(ref _inFlight, items.Count);
        var remaining = items.Count;
        try
        {
            var byOrder = items.GroupBy(i => i.Envelope?.OrderId ?? i.MessageId);
            await Parallel.ForEachAsync(byOrder, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken },
                async (order, ct) =>
                {
                    foreach (var item in order)
                    {
                        await HandleAsync(item, ct).ConfigureAwait(false);
                        Interlocked.Decrement(ref _inFlight);
                        Interlocked.Decrement(ref remaining);
                    }
                }).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Add(ref _inFlight, -Volatile.Read(ref remaining));
        }
    }

    private async Task HandleAsync(Item item, CancellationToken cancellationToken)
    {
        if (item.Envelope is null)
        {
            await PoisonAsync(item, $"The queue message is not a timeline input: {item.ParseError?.Message}", cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            var (outcome, _) = await applier.ApplyAsync(item.Envelope, cancellationToken).ConfigureAwait(false);
            if (outcome == ApplyOutcome.UnknownOrder)
            {
                await PoisonAsync(item, $"No order '{item.Envelope.OrderId}' exists for this {item.Envelope.Type} input.", cancellationToken).ConfigureAwait(false);
                return;
            }

            await inbox.DeleteAsync(item.MessageId, item.PopReceipt, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (item.Attempt >= options.MaxInputAttempts)
            {
                await PoisonAsync(item, ex.ToString(), cancellationToken).ConfigureAwait(false);
                return;
            }

            var delay = options.InputRetryDelay * Math.Pow(2, Math.Max(0, item.Attempt - 1));
            LogRetry(ex, item.Envelope.OrderId, item.Envelope.Type, item.Attempt, delay);
            try
            {
                await inbox.DelayAsync(item.MessageId, item.PopReceipt, delay, cancellationToken).ConfigureAwait(false);
            }
            catch (Azure.RequestFailedException delayFailed)
            {
                // The message reappears after its visibility timeout anyway; nothing is lost.
                LogDelayFailed(delayFailed, item.MessageId);
            }
        }
    }

    private async Task PoisonAsync(Item item, string error, CancellationToken cancellationToken)
    {
        var payload = item.Envelope is null ? item.RawText ?? "" : JsonSerializer.Serialize(item.Envelope.Input, Core.Serialization.CoreJson.Options);
        var id = item.Envelope?.Id ?? item.MessageId;
        await poison.AddAsync(new PoisonInput(id, item.Envelope?.OrderId, payload, error, Math.Max(1, item.Attempt), time.GetUtcNow()), cancellationToken)
            .ConfigureAwait(false);
        await inbox.DeleteAsync(item.MessageId, item.PopReceipt, cancellationToken).ConfigureAwait(false);
        metrics.Poison();
        LogPoisoned(item.Envelope?.OrderId, id, item.Envelope?.Type, Math.Max(1, item.Attempt), error);
    }

    private sealed record Item(InputEnvelope? Envelope, string? RawText, string MessageId, string PopReceipt, int Attempt)
    {
        public Exception? ParseError { get; init; }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: applying {InputType} failed (attempt {Attempt}); retrying in {Delay}")]
    private partial void LogRetry(Exception exception, string orderId, string inputType, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delay inbox message {MessageId}; it reappears after its visibility timeout")]
    private partial void LogDelayFailed(Exception exception, string messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Order {OrderId}: input {InputId} ({InputType}) moved to the poison table after {Attempts} attempts: {Error}")]
    private partial void LogPoisoned(string? orderId, string inputId, string? inputType, int attempts, string error);
}
