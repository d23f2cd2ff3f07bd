using Microsoft.DurableTask;

namespace PostPurchase.Functions.Timeline;

/// <summary>Retry policy of the timeline's activities (bound from <c>PostPurchase:Durable:Retry</c>).</summary>
/// <param name="MaxAttempts">Attempts in all, the first included (at least 1).</param>
/// <param name="FirstInterval">Wait before the first retry (more than zero).</param>
/// <param name="BackoffCoefficient">Each wait is the previous one times this (at least 1).</param>
/// <param name="MaxInterval">The longest wait between two attempts.</param>
public sealed record ActivityRetry(int MaxAttempts, TimeSpan FirstInterval, double BackoffCoefficient, TimeSpan MaxInterval)
{
    /// <summary>Eight attempts over about 35 minutes: 30 s, 1, 2, 4 and 8 min, then 10 min twice.</summary>
    public static ActivityRetry Default { get; } = new(8, TimeSpan.FromSeconds(30), 2.0, TimeSpan.FromMinutes(10));

    /// <summary>The Durable Task options for an activity call with this policy.</summary>
    public TaskOptions ToTaskOptions() =>
        TaskOptions.FromRetryPolicy(new RetryPolicy(MaxAttempts, FirstInterval, BackoffCoefficient, MaxInterval));

    /// <summary>Throws with the setting to fix when the policy would be refused by the Durable Task runtime.</summary>
    public ActivityRetry Validate()
    {
        if (MaxAttempts < 1)
        {
            throw new InvalidOperationException("PostPurchase:Durable:Retry:MaxAttempts must be at least 1.");
        }
        if (FirstInterval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("PostPurchase:Durable:Retry:FirstInterval must be more than zero (e.g. 00:00:30).");
        }
        if (BackoffCoefficient < 1.0)
        {
            throw new InvalidOperationException("PostPurchase:Durable:Retry:BackoffCoefficient must be at least 1.");
        }
        if (MaxInterval < FirstInterval)
        {
            throw new InvalidOperationException("PostPurchase:Durable:Retry:MaxInterval must not be shorter than FirstInterval.");
        }
        return this;
    }
}
