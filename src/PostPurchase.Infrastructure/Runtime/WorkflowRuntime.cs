using PostPurchase.Infrastructure.Storage;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Infrastructure.Runtime;

/// <summary>Runs everything due at the clock's current time until nothing is left: the dev clock and the end-to-end tests move weeks in milliseconds with it.</summary>
internal sealed class WorkflowRuntime(
    StorageAccount storage,
    InboxProcessor inbox,
    WakeupScheduler scheduler,
    OutboxDispatcher dispatcher,
    OutboxWork outbox,
    EngineActivity activity,
    PoisonStore poison) : IWorkflowRuntime
{
    private const int MaxRounds = 10_000;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
            for (var round = 0; round < MaxRounds; round++)
            {
                var work = await inbox.ProcessLocalAsync(cancellationToken).ConfigureAwait(false);
                for (int received; (received = await inbox.ProcessQueuedAsync(cancellationToken).ConfigureAwait(false)) > 0;)
                {
                    work += received;
                }

                await scheduler.PollAsync(cancellationToken).ConfigureAwait(false);
                work += await scheduler.FireDueAsync(cancellationToken).ConfigureAwait(false);
                while (outbox.Reader.TryRead(out var batch))
                {
                    work += await dispatcher.DispatchAsync(batch, cancellationToken).ConfigureAwait(false);
                }

                work += await dispatcher.SweepAsync(cancellationToken).ConfigureAwait(false);
                if (work == 0)
                {
                    if (inbox.InFlight == 0 && dispatcher.InFlight == 0 && activity.Busy == 0)
                    {
                        await scheduler.DeleteFiredAsync(force: true, cancellationToken).ConfigureAwait(false);
                        return;
                    }

                    // Background loops took inputs, wake-ups or sends of this instant that this round could not see: let them finish, then look again.
                    await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken).ConfigureAwait(false);
                }
            }

            throw new InvalidOperationException($"DrainAsync did not settle after {MaxRounds} rounds: something keeps producing work at the same instant.");
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<IReadOnlyList<PoisonInput>> GetPoisonInputsAsync(int max, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return await poison.NewestAsync(max, cancellationToken).ConfigureAwait(false);
    }
}
