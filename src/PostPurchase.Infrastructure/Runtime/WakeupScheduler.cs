using Microsoft.Extensions.Logging;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Storage;

namespace PostPurchase.Infrastructure.Runtime;

/// <summary>
/// Fires wake-ups: reads the index for everything due within the look-ahead (one range query per poll), keeps it in memory,
/// fires each at its time, and deletes fired rows in bulk: a bucket's rows once its minute has passed (wake-ups cluster on the
/// hour: quiet hours end, survey and review hours), so one request usually deletes many. Reconciles the index with the NextWakeAt
/// of the open orders' state rows. A crash before the delete only leaves fired rows, which fire again as duplicates and are deleted then.
/// </summary>
internal sealed partial class WakeupScheduler(
    WakeupIndex index,
    OpenOrderIndex openOrders,
    OpenOrderIndexBuild build,
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

    private const int MaxBatch = 100;
    private readonly List<Wakeup> _fired = [];

    /// <summary>Fired rows not deleted yet (they stay known to the board, so a poll does not bring them back).</summary>
    public int AwaitingDelete
    {
        get { lock (_fired) { return _fired.Count; } }
    }

    /// <summary>Fires every wake-up due now; returns how many fired (applied or found not due).</summary>
    public async Task<int> FireDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = board.TakeDue(now);
        if (due.Count == 0)
        {
            await DeleteFiredAsync(force: false, cancellationToken).ConfigureAwait(false);
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

        // Failed ones are forgotten at once: the next poll brings their rows back.
        board.Forget(due.Except(done));
        lock (_fired)
        {
            _fired.AddRange(done);
        }

        await DeleteFiredAsync(force: false, cancellationToken).ConfigureAwait(false);
        return due.Count;
    }

    /// <summary>
    /// Deletes fired rows, one transaction per bucket: every bucket when <paramref name="force"/> is set, else the buckets whose
    /// minute has passed on the clock or that hold a full transaction.
    /// </summary>
    public async Task DeleteFiredAsync(bool force, CancellationToken cancellationToken)
    {
        var current = WakeupIndex.Bucket(time.GetUtcNow());
        List<Wakeup> ready;
        lock (_fired)
        {
            ready = [.. _fired.GroupBy(w => w.Bucket)
                .Where(b => force || string.CompareOrdinal(b.Key, current) < 0 || b.Count() >= MaxBatch)
                .SelectMany(b => b)];
            var taken = ready.ToHashSet();
            _fired.RemoveAll(taken.Contains);
        }

        if (ready.Count == 0)
        {
            return;
        }

        try
        {
            await index.DeleteAsync(ready, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            lock (_fired)
            {
                _fired.AddRange(ready);
            }

            throw;
        }

        board.Forget(ready);
    }

    private bool _reconciledOnce;

    /// <summary>
    /// Adds a wake-up row for every unfinished order whose NextWakeAt has none, reading only the orders the open-orders index lists:
    /// all of them on the first pass of a process, later only those without any wake-up row (an order with one is kept moving by
    /// it: its firing indexes the real due time). A finished order leaves the index.
    /// </summary>
    public async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        await build.EnsureBuiltAsync(cancellationToken).ConfigureAwait(false);
        var rows = await index.AllAsync(cancellationToken).ConfigureAwait(false);
        var indexed = rows.Select(w => (w.OrderId, w.DueAt.UtcTicks)).ToHashSet();
        var waiting = rows.Select(w => w.OrderId).ToHashSet(StringComparer.Ordinal);
        var everyOrder = !_reconciledOnce;
        var entries = (await openOrders.ListAsync(OpenKinds.Timeline, cancellationToken).ConfigureAwait(false))
            .Where(e => everyOrder || !waiting.Contains(e.OrderId));
        var added = 0;
        await Parallel.ForEachAsync(entries, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken }, async (entry, ct) =>
        {
            var found = await storage.Orders.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>(
                KeyEncoder.Encode(entry.OrderId), StateRow.RowKey, ["NextWakeAt", "Completed", StateRow.OpenColumn], ct).ConfigureAwait(false);
            var state = found.HasValue ? found.Value : null;
            if (state is null || state.GetBoolean("Completed") == true)
            {
                await openOrders.ReleaseAsync(entry, state, ct).ConfigureAwait(false);
            }
            else if (state.GetDateTimeOffset("NextWakeAt") is { } due && !indexed.Contains((entry.OrderId, due.UtcTicks)))
            {
                board.Add(await index.AddAsync(entry.OrderId, due, ct).ConfigureAwait(false));
                Interlocked.Increment(ref added);
            }
        }).ConfigureAwait(false);
        await openOrders.FlushAsync(cancellationToken).ConfigureAwait(false);
        _reconciledOnce = true;
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
