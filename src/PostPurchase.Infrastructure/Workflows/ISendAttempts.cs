namespace PostPurchase.Infrastructure.Workflows;

/// <summary>
/// Where the Azure runtime's send activity marks that it is about to hand a text to its provider: an activity run again after
/// a crash, or run twice by the Durable runtime, finds the mark and asks the provider first
/// (<see cref="Channels.OutboundMessage.LostAttemptAt"/>), as the self-hosted runtime's claim does; while an earlier attempt
/// may still be under way it holds back, so the provider is never asked before that attempt could have reached it.
/// </summary>
public interface ISendAttempts
{
    /// <summary>Marks an attempt at <paramref name="messageKey"/> beginning at <paramref name="now"/>; says what earlier attempts the mark shows.</summary>
    Task<SendAttempt> BeginAsync(string orderId, string messageKey, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Marks the attempt begun last as over, whatever its result: the next attempt need not wait for it.</summary>
    Task EndAsync(string orderId, string messageKey, CancellationToken cancellationToken);
}

/// <summary>What the mark showed when an attempt began.</summary>
/// <param name="LostSince">When the first attempt began, or null when this is the first: a provider is searched from there.</param>
/// <param name="EarlierUnderWay">An earlier attempt began lately and has not ended: it may still reach the provider, so this one must not go.</param>
public sealed record SendAttempt(DateTimeOffset? LostSince, bool EarlierUnderWay)
{
    /// <summary>The first attempt at a message.</summary>
    public static SendAttempt First { get; } = new(null, false);

    /// <summary>
    /// The longest an attempt can still reach the provider after it began: the Twilio client's attempts (30 s each) and backoff
    /// (at most 30 s between them) with a lookup before them. An attempt older than this that never ended died with its process.
    /// </summary>
    public static TimeSpan UnderWayAtMost { get; } = TimeSpan.FromMinutes(5);
}
