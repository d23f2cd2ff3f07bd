using PostPurchase.Core.Policies;

namespace PostPurchase.Core.Timeline;

/// <summary>The last look before a message is handed to a provider: the order's consent and the buyer's quiet hours as they are now.</summary>
/// <remarks>
/// A decision checks both when it releases a message, but a message may wait between that decision and its send (a retry, a
/// provider's rate limit, a crash): a STOP or an unsubscribe that arrived meanwhile wins, and a text that would now land at
/// night waits for the morning. Pure: both runtimes call it with the state they read just before sending.
/// </remarks>
public static class SendCheck
{
    /// <summary>Whether <paramref name="message"/> may go out at <paramref name="now"/> given the order's <paramref name="state"/>.</summary>
    public static SendVerdict Judge(TimelineState state, TimelineMessage message, DateTimeOffset now, TimelinePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(policy);
        if (Suppression.ConsentFor(state, message) is { } reason)
        {
            return SendVerdict.Suppress(reason);
        }
        if (message.Channel == Channel.Email)
        {
            return SendVerdict.Go;
        }
        var country = state.Order.ShippingAddress.Country;
        var allowed = QuietHours.NextAllowed(now, LocalTimes.Zone(state.Order.Customer.TimeZone), QuietHours.RuleFor(policy.QuietHours, country), country);
        return allowed > now ? SendVerdict.Defer(allowed) : SendVerdict.Go;
    }
}

/// <summary>What <see cref="SendCheck.Judge"/> found: send now, hold back for good (with the reason), or wait until a time.</summary>
public sealed record SendVerdict(SuppressionReason? SuppressedBecause, DateTimeOffset? DeferredUntil)
{
    /// <summary>The message may go out now.</summary>
    public static SendVerdict Go { get; } = new(null, null);

    /// <summary>The message lost its consent: record it as suppressed with <paramref name="reason"/>.</summary>
    public static SendVerdict Suppress(SuppressionReason reason) => new(reason, null);

    /// <summary>The message may go out at <paramref name="at"/> (quiet hours end then).</summary>
    public static SendVerdict Defer(DateTimeOffset at) => new(null, at);

    /// <summary>True when nothing holds the message back.</summary>
    public bool MayGo => SuppressedBecause is null && DeferredUntil is null;
}
