using PostPurchase.Core.Messages;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Infrastructure.Runtime;

/// <summary>The embedded engine's knobs and its two pure collaborators (the decider and the renderer).</summary>
internal sealed class EngineOptions
{
    public TimelinePolicy Policy { get; init; } = TimelinePolicy.Default;

    /// <summary>The decider; <see cref="OrderTimeline.Decide"/> in production.</summary>
    public Func<TimelineState?, TimelineInput, DateTimeOffset, TimelinePolicy, Decision> Decide { get; init; } = OrderTimeline.Decide;

    /// <summary>Renders a message for the order's state with the buyer's signed links.</summary>
    public required Func<TimelineMessage, TimelineState, RenderedMessage> Render { get; init; }

    /// <summary>The settings version in force for the next decision or send (the merchant studio); null: <see cref="Policy"/> and <see cref="Render"/>.</summary>
    public Func<CancellationToken, ValueTask<EngineSettings>>? Settings { get; init; }

    /// <summary>The settings to decide, render and send with now.</summary>
    public ValueTask<EngineSettings> CurrentAsync(CancellationToken cancellationToken) =>
        Settings?.Invoke(cancellationToken) ?? ValueTask.FromResult(new EngineSettings(Policy, Render));

    /// <summary>The one-click unsubscribe link of an order's marketing email (List-Unsubscribe), or null for a mailto to support.</summary>
    public Func<string, string?>? UnsubscribeUrl { get; init; }

    /// <summary>Where Twilio posts delivery status, or null.</summary>
    public string? StatusCallbackUrl { get; init; }

    /// <summary>Attempts per queued input before it goes to the poison table.</summary>
    public int MaxInputAttempts { get; init; } = 5;

    /// <summary>How long a received input stays invisible to other workers while being applied.</summary>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Base of the backoff before a failed input is tried again (doubles per attempt).</summary>
    public TimeSpan InputRetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    public int InboxBatchSize { get; init; } = 32;

    /// <summary>Orders applied in parallel (inputs of one order always one at a time).</summary>
    public int Parallelism { get; init; } = 16;

    /// <summary>Decisions whose messages are being handed to providers at once (mostly waiting on the provider's answer).</summary>
    public int SendConcurrency { get; init; } = 128;

    /// <summary>Longest pause between inbox polls when idle (inputs queued by this process wake the worker at once).</summary>
    public TimeSpan IdlePollMax { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>How far ahead the scheduler loads wake-ups into memory; each poll covers this window.</summary>
    public TimeSpan WakeLookahead { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>How often the scheduler reads the wake-up index (it also learns this process's new wake-ups at once).</summary>
    public TimeSpan WakePollInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the outbox sweep looks for pending, due-retry and stale rows.</summary>
    public TimeSpan OutboxSweepInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>A row claimed for sending longer than this ago is stale: its fate is unknown.</summary>
    public TimeSpan SendingLease { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Send attempts (Retry outcomes) before a message is marked failed.</summary>
    /// <remarks>With the backoff of 5 s doubling up to an hour, 12 attempts ride out about two and a half hours of provider trouble.</remarks>
    public int MaxSendAttempts { get; init; } = 12;

    /// <summary>How often the wake-up index is reconciled with the state rows' NextWakeAt.</summary>
    public TimeSpan WakeRebuildInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Inputs accepted and not applied past which intake and webhooks answer 503 with Retry-After whatever their wait (admission's hard cap).</summary>
    public int MaxBacklog { get; init; } = 128;

    /// <summary>How long the oldest accepted input may wait unapplied before intake and webhooks answer 503 (admission control).</summary>
    public TimeSpan AdmissionTarget { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Retries of a decision whose state row was changed by another writer meanwhile.</summary>
    public int MaxConflictRetries { get; init; } = 20;
}
