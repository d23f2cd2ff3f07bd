using Microsoft.DurableTask.Client;
using PostPurchase.Functions.Maintenance;

namespace PostPurchase.Functions.Tests.Maintenance;

public sealed class StuckTimelineCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(15);

    [Fact]
    public void Classify_RunningWithWakeUpOverdueAndNoProgress_IsOverdue() =>
        Assert.Equal(TimelineHealth.Overdue, Classify(OrchestrationRuntimeStatus.Running, lastUpdated: Now.AddHours(-5), wake: Now.AddHours(-1)));

    [Fact]
    public void Classify_RunningWithWakeUpJustDue_IsHealthy() =>
        Assert.Equal(TimelineHealth.Healthy, Classify(OrchestrationRuntimeStatus.Running, lastUpdated: Now.AddHours(-5), wake: Now.AddMinutes(-5)));

    [Fact]
    public void Classify_RunningThatProgressedAfterItsWakeUp_IsHealthy() =>
        Assert.Equal(TimelineHealth.Healthy, Classify(OrchestrationRuntimeStatus.Running, lastUpdated: Now.AddMinutes(-30), wake: Now.AddHours(-1)));

    [Fact]
    public void Classify_RunningWithNothingScheduled_IsHealthy() =>
        Assert.Equal(TimelineHealth.Healthy, Classify(OrchestrationRuntimeStatus.Running, lastUpdated: Now.AddDays(-30), wake: null));

    [Fact]
    public void Classify_Failed_IsFailed() =>
        Assert.Equal(TimelineHealth.Failed, Classify(OrchestrationRuntimeStatus.Failed, lastUpdated: Now, wake: null));

    [Fact]
    public void Classify_PendingLongerThanTheThreshold_IsNotStarted() =>
        Assert.Equal(TimelineHealth.NotStarted, Classify(OrchestrationRuntimeStatus.Pending, lastUpdated: Now.AddHours(-1), wake: null));

    [Fact]
    public void Classify_PendingForLessThanTheThreshold_IsHealthy() =>
        Assert.Equal(TimelineHealth.Healthy, Classify(OrchestrationRuntimeStatus.Pending, lastUpdated: Now.AddMinutes(-5), wake: null));

    [Fact]
    public void Classify_CompletedWithAnOldWakeUp_IsHealthy() =>
        Assert.Equal(TimelineHealth.Healthy, Classify(OrchestrationRuntimeStatus.Completed, lastUpdated: Now.AddDays(-2), wake: Now.AddDays(-1)));

    private static TimelineHealth Classify(OrchestrationRuntimeStatus status, DateTimeOffset lastUpdated, DateTimeOffset? wake) =>
        StuckTimelineCheck.Classify(status, lastUpdated, wake, Now, StuckAfter);
}
