namespace PostPurchase.Infrastructure.Channels;

/// <summary>Timeouts, retry and polling limits of the provider clients; the defaults suit production, tests shrink them.</summary>
internal sealed record ChannelTimings
{
    /// <summary>How long one HTTP attempt may take before it counts as timed out.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt, for requests that are safe to repeat.</summary>
    public int MaxRetryAttempts { get; init; } = 3;

    /// <summary>First backoff delay (exponential with jitter) when the provider sends no Retry-After.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between two attempts, Retry-After included; longer waits are left to the outbox.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Backoff jitter; off in tests so delays are exact.</summary>
    public bool UseJitter { get; init; } = true;

    /// <summary>How long the circuit stays open after too many failures.</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Share of failed calls (5xx, no connection, timeout) within 30 s that opens the circuit. Half: a provider that refuses some
    /// sends still delivers the rest, and an open circuit would stop those too; one that is down fails nearly every call.
    /// </summary>
    public double BreakFailureRatio { get; init; } = 0.5;

    /// <summary>Calls within 30 s before the circuit may open at all, so a few failures of a quiet shop do not stop sending.</summary>
    public int BreakMinimumThroughput { get; init; } = 20;

    /// <summary>How long the status poll keeps reading an ACS operation that is still running.</summary>
    public TimeSpan AcsPollTimeout { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How long after acceptance (or the last read) the status poll reads an ACS operation.</summary>
    public TimeSpan AcsStatusPollDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The pause between two status reads: ACS allows 60 a minute per subscription.</summary>
    public TimeSpan AcsStatusReadPause { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>SMTP connect/command timeout.</summary>
    public TimeSpan SmtpTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
