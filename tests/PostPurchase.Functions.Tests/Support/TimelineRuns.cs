using Microsoft.DurableTask;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;
using PostPurchase.Functions.Timeline;
using PostPurchase.Testing;

namespace PostPurchase.Functions.Tests.Support;

/// <summary>Orchestration inputs for the orchestrator tests: the policy, a retry policy and orders part-way through their timeline.</summary>
internal static class TimelineRuns
{
    public static readonly TimelinePolicy Policy = TimelinePolicy.Default;
    public static readonly ActivityRetry Retry = new(4, TimeSpan.FromSeconds(20), 2.0, TimeSpan.FromMinutes(5));

    public static TimelineState PlacedAndConfirmed(out Order order)
    {
        order = OrderBuilder.Skincare().Build();
        var placed = OrderTimeline.Decide(null, new OrderPlaced(order), order.PlacedAt, Policy).State;
        var confirmation = placed.Messages.Single(m => m.Intent == Intent.OrderConfirmation);
        return OrderTimeline.Decide(placed, new MessageStatusChanged(confirmation.Key, MessageStatus.Sent, "SM0"), order.PlacedAt, Policy).State;
    }

    public static TimelineRun Waiting(TimelineState state) => new(state, null, Policy, Retry);

    public static bool HasRetry(TaskOptions? options) =>
        options?.Retry?.Policy is { } policy
        && policy.MaxNumberOfAttempts == Retry.MaxAttempts
        && policy.FirstRetryInterval == Retry.FirstInterval
        && Math.Abs(policy.BackoffCoefficient - Retry.BackoffCoefficient) < 1e-9
        && policy.MaxRetryInterval == Retry.MaxInterval;
}
