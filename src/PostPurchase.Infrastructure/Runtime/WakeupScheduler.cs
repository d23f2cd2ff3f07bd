using Microsoft.Extensions.Logging;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Storage;

namespace PostPurchase.Infrastructure.Runtime;

/// <summary>
/// Fires wake-ups: reads the index for everything due within the look-ahead (one range query per poll), keeps it in memory,
/// fires each at its time, and deletes fired rows in bulk. Reconciles the index with the state rows' NextWakeAt.
/// </summary>
internal sealed partial class WakeupScheduler(
    WakeupIndex index,
    WakeupBoard board,
    TimelineApplier applier,
    StorageAccount storage,
    EngineOptions options,
    EngineMetrics metrics,
    TimeProvider time,
    ILogger<WakeupScheduler> logger)
{
    /// <summary>Loads every wake-up due by now + look-ahead from the index into memory.</summary>
    public async Task PollAsync(CancellationToken cancellationToken)
    {
        foreach (var wakeup in await index.UpToAsync(time.GetUtcNow() + options.WakeLookahead, cancellationToken).ConfigureAwait(false))
        {
            board.Add(wakeup);
        }
    }

    /// <summary>Fires every wake-up due now; returns how many fired (applied or found not due).</summary>
    public async Task<int> FireDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = board.TakeDue(now);
        if (due.Count == 0)
        {
            return 0;
        }

        var done = new List<Wakeup>();
        await Parallel.ForEachAsync(due.GroupBy(w => w.OrderId), new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken },
            async (order, ct) =>
            {
                foreach (var wakeup in order.OrderBy(w => w.DueAt))
                {
                    try
                    {
                        // The id is the due time: two instances firing the same wake-up apply it once.
                        var envelope = new InputEnvelope($"wake:{wakeup.DueAt.UtcTicks}", wakeup.OrderId, new WakeUp());
                        var (outcome, _) = await applier.ApplyAsync(envelope, ct).ConfigureAwait(false);
                        if (outcome == ApplyOutcome.Applied)
                        {
                            metrics.WakeLateness(time.GetUtcNow() - wakeup.DueAt);
                        }

                        lock (done)
                        {
                            done.Add(wakeup);
                        }
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // The row stays in the index; the next poll brings it back.
                        LogFireFailed(ex, wakeup.OrderId, wakeup.DueAt);
                    }
                }
            }).ConfigureAwait(false);

        try
        {
            await index.DeleteAsync(done, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            board.Forget(due);
        }

        return due.Count;
    }

    /// <summary>Adds an index row for every unfinished order whose NextWakeAt has none (lost by a crash between commit and index write).</summary>
    public async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        var indexed = (await index.AllAsync(cancellationToken).ConfigureAwait(false))
            .Select(w => (w.OrderId, w.DueAt.UtcTicks)).ToHashSet();
        var filter = Azure.Data.Tables.TableClient.CreateQueryFilter($"RowKey eq {StateRow.RowKey} and Completed eq false");
        var added = 0;
        await foreach (var row in storage.Orders.QueryAsync<Azure.Data.Tables.TableEntity>(
            filter, select: ["OrderId", "NextWakeAt"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.GetString("OrderId") is { } orderId && row.GetDateTimeOffset("NextWakeAt") is { } due && !indexed.Contains((orderId, due.UtcTicks)))
            {
                board.Add(await index.AddAsync(orderId, due, cancellationToken).ConfigureAwait(false));
                added++;
            }
        }

        if (added > 0)
        {
            LogReconciled(added);
        }

        return added;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: wake-up due {DueAt} failed; it stays indexed and is retried")]
    private partial void LogFireFailed(Exception exception, string orderId, DateTimeOffset dueAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Wake-up index reconciliation restored {Count} missing rows")]
    private partial void LogReconciled(int count);
}
