using PostPurchase.Functions.Timeline;

namespace PostPurchase.Functions.Configuration;

/// <summary>Settings of the Azure runtime only (<c>PostPurchase:Durable</c>, env <c>PostPurchase__Durable__Name</c>).</summary>
public sealed class DurableTimelineOptions
{
    /// <summary>The section name.</summary>
    public const string Section = "PostPurchase:Durable";

    /// <summary>Retry policy of the send, save and publish activities.</summary>
    public RetrySettings Retry { get; set; } = new();

    /// <summary>A running timeline whose wake-up is overdue by more than this, with no progress since, is woken by the sweep.</summary>
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Completed timelines, their history and their read model are deleted this many days after they ended.</summary>
    public int RetentionDays { get; set; } = 365;

    /// <summary>The most instances the sweep and the purge handle per run; the rest wait for the next run.</summary>
    public int MaxInstancesPerRun { get; set; } = 5000;

    /// <summary>
    /// How long an input for a timeline that is scheduled but has not run yet waits for it to start before it is refused with
    /// 503 (the backend can drop an event that reaches an instance before its start): a shop's webhook that creates the order
    /// and registers its parcel at once is answered as soon as the timeline runs.
    /// </summary>
    public TimeSpan StartWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The retry policy as orchestrations carry it, validated.</summary>
    public ActivityRetry ToActivityRetry() =>
        new ActivityRetry(Retry.MaxAttempts, Retry.FirstInterval, Retry.BackoffCoefficient, Retry.MaxInterval).Validate();

    /// <summary>Bindable form of <see cref="ActivityRetry"/>.</summary>
    public sealed class RetrySettings
    {
        /// <summary>Attempts in all, the first included.</summary>
        public int MaxAttempts { get; set; } = ActivityRetry.Default.MaxAttempts;

        /// <summary>Wait before the first retry.</summary>
        public TimeSpan FirstInterval { get; set; } = ActivityRetry.Default.FirstInterval;

        /// <summary>Each wait is the previous one times this.</summary>
        public double BackoffCoefficient { get; set; } = ActivityRetry.Default.BackoffCoefficient;

        /// <summary>The longest wait between two attempts.</summary>
        public TimeSpan MaxInterval { get; set; } = ActivityRetry.Default.MaxInterval;
    }
}
