using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PostPurchase.Infrastructure.Storage;

namespace PostPurchase.Infrastructure.Runtime;

/// <summary>
/// The engine's background loops: this process's inputs at once, the shared queue polled with idle backoff, wake-ups at their
/// time, the outbox hand-off and its periodic sweep. Storage outages are logged and retried; nothing is dropped.
/// </summary>
/// <remarks>
/// Pauses use real time; "due" is always judged by the configured clock, so a simulated clock still works. The wake-up loop
/// also waits on a timer of the configured clock, so a clock running faster than real time meets its due times.
/// </remarks>
internal sealed partial class EngineService(
    StorageAccount storage,
    InboxQueue inboxQueue,
    InboxProcessor inbox,
    WakeupScheduler scheduler,
    WakeupBoard board,
    OutboxDispatcher dispatcher,
    SweepSchedule sweeps,
    OutboxWork outbox,
    EngineActivity activity,
    EngineOptions options,
    TimeProvider time,
    ILogger<EngineService> logger) : BackgroundService
{
    private static readonly TimeSpan FailurePause = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ClockWaitMax = TimeSpan.FromDays(30);

    private static readonly TimeSpan StartupCreateTimeout = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _sends = new(options.SendConcurrency);

    /// <summary>Creates the tables and queue before the host reports started, so the first requests find them; an outage here is logged and the loop retries.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(StartupCreateTimeout);
        try
        {
            await storage.EnsureCreatedAsync(limit.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogLoopFailed(ex, "start-up");
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Repeat("start-up", async ct =>
        {
            await storage.EnsureCreatedAsync(ct).ConfigureAwait(false);
            return false;
        }, stopOnSuccess: true, stoppingToken).ConfigureAwait(false);

        await Task.WhenAll(
            Repeat("local inputs", LocalInputsAsync, stopOnSuccess: false, stoppingToken),
            Repeat("queued inputs", QueuedInputsAsync, stopOnSuccess: false, stoppingToken),
            Repeat("wake-ups", WakeupsAsync, stopOnSuccess: false, stoppingToken),
            Repeat("outbox", OutboxAsync, stopOnSuccess: false, stoppingToken),
            Repeat("outbox sweep", SweepAsync, stopOnSuccess: false, stoppingToken),
            Repeat("wake-up reconciliation", ReconcileAsync, stopOnSuccess: false, stoppingToken)).ConfigureAwait(false);
    }

    private async Task<bool> LocalInputsAsync(CancellationToken ct)
    {
        await inboxQueue.Local.WaitToReadAsync(ct).ConfigureAwait(false);
        using (activity.Begin())
        {
            await inbox.ProcessLocalAsync(ct).ConfigureAwait(false);
        }

        return true;
    }

    private TimeSpan _queuePause = TimeSpan.FromMilliseconds(100);

    private async Task<bool> QueuedInputsAsync(CancellationToken ct)
    {
        int received;
        using (activity.Begin())
        {
            received = await inbox.ProcessQueuedAsync(ct).ConfigureAwait(false);
        }

        _queuePause = received > 0 ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromTicks(Math.Min(_queuePause.Ticks * 2, options.IdlePollMax.Ticks));
        if (received == 0)
        {
            await Task.Delay(_queuePause, ct).ConfigureAwait(false);
        }

        return true;
    }

    private long? _lastPoll;

    private async Task<bool> WakeupsAsync(CancellationToken ct)
    {
        using (activity.Begin())
        {
            if (_lastPoll is not { } polled || TimeProvider.System.GetElapsedTime(polled) > options.WakePollInterval)
            {
                await scheduler.PollAsync(ct).ConfigureAwait(false);
                _lastPoll = TimeProvider.System.GetTimestamp();
            }

            await scheduler.FireDueAsync(ct).ConfigureAwait(false);
        }

        var untilDue = board.NextDue is { } next ? next - time.GetUtcNow() : TimeSpan.MaxValue;
        var pause = TimeSpan.FromMilliseconds(Math.Clamp(untilDue.TotalMilliseconds, 1, 1000));
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var woken = new List<Task>(3) { board.Changed, Task.Delay(pause, waiting.Token) };
        if (time != TimeProvider.System && untilDue < ClockWaitMax)
        {
            // A clock that runs at its own pace (accelerated, simulated, fake) also gets a timer of its own for the next due
            // time, so that wake-up is met in the clock's terms; the real pause above still bounds how long the loop sleeps.
            woken.Add(Task.Delay(untilDue > TimeSpan.FromMilliseconds(1) ? untilDue : TimeSpan.FromMilliseconds(1), time, waiting.Token));
        }

        await Task.WhenAny(woken).ConfigureAwait(false);
        await waiting.CancelAsync().ConfigureAwait(false);
        return true;
    }

    // At start-up, then hourly, in its own loop: it reads the wake-up index and open orders' state rows (1k take about a second),
    // and neither inputs, sends nor due wake-ups may wait for it. Running beside them is safe: a row it adds needlessly only fires as not due.
    private async Task<bool> ReconcileAsync(CancellationToken ct)
    {
        await scheduler.ReconcileAsync(ct).ConfigureAwait(false);
        await Task.Delay(options.WakeRebuildInterval, ct).ConfigureAwait(false);
        return true;
    }

    // Each decision's messages are handed off as soon as they are committed, up to SendConcurrency at once: a send mostly waits
    // on its provider (an ACS accept takes about a second), so a batch must not wait for the slowest of the ones before it.
    private async Task<bool> OutboxAsync(CancellationToken ct)
    {
        await outbox.Reader.WaitToReadAsync(ct).ConfigureAwait(false);
        await _sends.WaitAsync(ct).ConfigureAwait(false);
        var work = activity.Begin();
        if (!outbox.Reader.TryRead(out var batch))
        {
            work.Dispose();
            _sends.Release();
            return true;
        }

        _ = DispatchAsync(batch, work, ct);
        return true;
    }

    private async Task DispatchAsync(DispatchBatch batch, EngineActivity.Scope work, CancellationToken ct)
    {
        try
        {
            await Task.Yield();
            await dispatcher.DispatchAsync(batch, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: the rows stay pending and the sweep at the next start-up sends them.
        }
        catch (Exception ex)
        {
            // The batch's rows are stored as pending, so the outbox sweep hands them off again.
            LogLoopFailed(ex, "outbox");
        }
        finally
        {
            work.Dispose();
            _sends.Release();
        }
    }

    private async Task<bool> SweepAsync(CancellationToken ct)
    {
        using (activity.Begin())
        {
            await dispatcher.SweepAsync(ct).ConfigureAwait(false);
        }

        // Sleeps until the regular interval or the earliest noted retry or lease end, whichever comes first. A send that schedules
        // a retry sooner than that while the sweep sleeps wakes it to sleep again for less: otherwise the retry would wait for
        // the regular interval (minutes).
        var slept = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var earlier = sweeps.EarlierNoted;
            var next = options.OutboxSweepInterval - TimeProvider.System.GetElapsedTime(slept);
            var untilDue = sweeps.Earliest is { } due ? due - time.GetUtcNow() : TimeSpan.MaxValue;
            if (untilDue < next)
            {
                next = TimeSpan.FromTicks(Math.Max(untilDue.Ticks, TimeSpan.FromMilliseconds(100).Ticks));
            }

            if (next <= TimeSpan.Zero)
            {
                return true;
            }

            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var woken = new List<Task>(3) { earlier, Task.Delay(next, waiting.Token) };
            if (time != TimeProvider.System && untilDue < ClockWaitMax)
            {
                // As for wake-ups: a clock at its own pace gets a timer of its own, so a due retry or lease end is met in its terms.
                woken.Add(Task.Delay(untilDue > TimeSpan.FromMilliseconds(1) ? untilDue : TimeSpan.FromMilliseconds(1), time, waiting.Token));
            }

            var first = await Task.WhenAny(woken).ConfigureAwait(false);
            await waiting.CancelAsync().ConfigureAwait(false);
            ct.ThrowIfCancellationRequested();
            if (first != earlier)
            {
                return true;
            }
        }
    }

    private async Task Repeat(string loop, Func<CancellationToken, Task<bool>> body, bool stopOnSuccess, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await body(stoppingToken).ConfigureAwait(false);
                if (stopOnSuccess)
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A loop never dies: storage outages and bugs are logged and the loop starts again.
                LogLoopFailed(ex, loop);
                try
                {
                    await Task.Delay(FailurePause, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Engine loop '{Loop}' failed; retrying")]
    private partial void LogLoopFailed(Exception exception, string loop);
}
