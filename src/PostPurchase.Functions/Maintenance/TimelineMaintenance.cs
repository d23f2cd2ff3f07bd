using DurableTask.Core.Exceptions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PostPurchase.Core.Timeline;
using PostPurchase.Functions.Configuration;
using PostPurchase.Functions.Timeline;
using PostPurchase.Functions.Workflows;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Functions.Maintenance;

/// <summary>The stuck-timeline sweep: wakes timelines whose wake-up is overdue and restarts failed ones from their last state. Idempotent.</summary>
public sealed partial class TimelineMaintenance(
    IOptions<DurableTimelineOptions> durable,
    IOrderReadModelStore readModels,
    TimeProvider time,
    ILogger<TimelineMaintenance> logger)
{
    /// <summary>Every 15 minutes.</summary>
    [Function(nameof(SweepStuckTimelines))]
    public async Task SweepStuckTimelines(
        [TimerTrigger("0 */15 * * * *")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(context);
        var options = durable.Value;
        var now = time.GetUtcNow();
        var query = new OrchestrationQuery(
            Statuses: [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Failed],
            InstanceIdPrefix: OrderInstance.Prefix,
            FetchInputsAndOutputs: true);
        int seen = 0, woken = 0, restarted = 0, unrepairable = 0;
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(context.CancellationToken))
        {
            if (++seen > options.MaxInstancesPerRun)
            {
                LogCapped(logger, options.MaxInstancesPerRun);
                break;
            }
            var run = instance.ReadInputAs<TimelineRun>();
            // An execution applies many inputs: its progress status has the wake-up it waits for now, its input only the first.
            var wakeAt = instance.ReadCustomStatusAs<TimelineProgress>()?.NextWakeAt ?? run?.State?.NextWakeAt;
            var health = StuckTimelineCheck.Classify(instance.RuntimeStatus, instance.LastUpdatedAt, wakeAt, now, options.StuckAfter);
            switch (health)
            {
                case TimelineHealth.Overdue:
                    LogOverdue(logger, instance.InstanceId, wakeAt!.Value, instance.LastUpdatedAt);
                    await client.RaiseEventAsync(instance.InstanceId, OrderTimelineOrchestration.InputEvent,
                        DurableOrderWorkflows.AsPayload(new WakeUp()), context.CancellationToken);
                    woken++;
                    break;
                case TimelineHealth.Failed when run is not null && await LatestStateAsync(instance.InstanceId, run.State, context.CancellationToken) is { } state:
                    LogRestarting(logger, instance.InstanceId, instance.FailureDetails?.ErrorMessage ?? "(no details)");
                    await RestartAsync(client, instance.InstanceId, run with { State = state, Next = null }, context.CancellationToken);
                    restarted++;
                    break;
                case TimelineHealth.Failed:
                    LogUnrepairable(logger, instance.InstanceId, instance.FailureDetails?.ErrorMessage ?? "(no details)");
                    unrepairable++;
                    break;
                case TimelineHealth.NotStarted:
                    LogNotStarted(logger, instance.InstanceId, instance.CreatedAt);
                    break;
            }
        }
        LogSwept(logger, seen, woken, restarted, unrepairable, timer?.IsPastDue ?? false);
    }

    /// <summary>
    /// The newest state of a failed timeline: the read model when a commit of the failed execution saved a later version than the
    /// execution began with (its message rows hold the send results), else the execution's input. Restarting from the newest
    /// keeps what was sent from being decided, and sent, again.
    /// </summary>
    private async Task<TimelineState?> LatestStateAsync(string instanceId, TimelineState? started, CancellationToken cancellationToken)
    {
        if (!OrderInstance.TryGetOrderId(instanceId, out var orderId)
            || await readModels.GetAsync(orderId, cancellationToken) is not { } saved
            || saved.State.Version <= (started?.Version ?? -1))
        {
            return started;
        }
        var rows = saved.Messages.ToDictionary(r => r.Message.Key, r => r.Message, StringComparer.Ordinal);
        return saved.State with { Messages = [.. saved.State.Messages.Select(m => rows.GetValueOrDefault(m.Key, m))] };
    }

    private async Task RestartAsync(DurableTaskClient client, string instanceId, TimelineRun run, CancellationToken cancellationToken)
    {
        // A failed instance may be replaced; any other status means someone else repaired it first.
        var live = DurableOrderWorkflows.KnownStatuses.Where(s => s != OrchestrationRuntimeStatus.Failed).ToArray();
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                nameof(OrderTimeline), run, new StartOrchestrationOptions(instanceId).WithDedupeStatuses(live), cancellationToken);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            LogAlreadyRepaired(logger, instanceId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timeline {InstanceId} missed its wake-up at {WakeAt} (last progress {LastUpdatedAt}); waking it")]
    private static partial void LogOverdue(ILogger logger, string instanceId, DateTimeOffset wakeAt, DateTimeOffset lastUpdatedAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timeline {InstanceId} failed ({Failure}); restarting it from its last state")]
    private static partial void LogRestarting(ILogger logger, string instanceId, string failure);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timeline {InstanceId} failed on its first input ({Failure}); there is no state to restart from, so it needs a look")]
    private static partial void LogUnrepairable(ILogger logger, string instanceId, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timeline {InstanceId} was scheduled at {CreatedAt} and has not started yet")]
    private static partial void LogNotStarted(ILogger logger, string instanceId, DateTimeOffset createdAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Timeline {InstanceId} was already restarted")]
    private static partial void LogAlreadyRepaired(ILogger logger, string instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sweep stopped after {Max} instances (PostPurchase:Durable:MaxInstancesPerRun); the rest are checked next run")]
    private static partial void LogCapped(ILogger logger, int max);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stuck-timeline sweep: {Seen} checked, {Woken} woken, {Restarted} restarted, {Unrepairable} need a look (past due: {PastDue})")]
    private static partial void LogSwept(ILogger logger, int seen, int woken, int restarted, int unrepairable, bool pastDue);
}
