using Microsoft.DurableTask.Client;

namespace PostPurchase.Functions.Maintenance;

/// <summary>What the sweep makes of one order's orchestration.</summary>
public enum TimelineHealth
{
    /// <summary>Nothing to do.</summary>
    Healthy,
    /// <summary>Running, but its wake-up is overdue and it made no progress since: wake it.</summary>
    Overdue,
    /// <summary>The orchestration failed: restart it from its last state.</summary>
    Failed,
    /// <summary>Scheduled long ago and still not started: report it (backlog or an unhealthy host).</summary>
    NotStarted,
}

/// <summary>Decides whether a timeline looks stuck, from the instance's status and the wake-up it waits for.</summary>
public static class StuckTimelineCheck
{
    /// <summary>Classifies one instance; <paramref name="nextWakeAt"/> is the wake-up of its current execution's state.</summary>
    public static TimelineHealth Classify(
        OrchestrationRuntimeStatus status, DateTimeOffset lastUpdatedAt, DateTimeOffset? nextWakeAt, DateTimeOffset now, TimeSpan stuckAfter) => status switch
        {
            OrchestrationRuntimeStatus.Failed => TimelineHealth.Failed,
            OrchestrationRuntimeStatus.Pending when lastUpdatedAt + stuckAfter < now => TimelineHealth.NotStarted,
            OrchestrationRuntimeStatus.Running when nextWakeAt is { } wake && wake + stuckAfter < now && lastUpdatedAt < wake => TimelineHealth.Overdue,
            _ => TimelineHealth.Healthy,
        };
}
