using PostPurchase.Core.Policies;

namespace PostPurchase.Core.Timeline;

/// <summary>The pure decider: every business rule of the post-purchase timeline.</summary>
/// <remarks>Deterministic: no clock, configuration, storage or network. Runtimes pass <c>now</c> and the policy.</remarks>
public static class OrderTimeline
{
    /// <summary>Applies one input to the state and says what to send, when to wake and whether the timeline ended.</summary>
    /// <param name="state">The current state; null only for the first input, which must be <see cref="OrderPlaced"/>.</param>
    public static Decision Decide(TimelineState? state, TimelineInput input, DateTimeOffset now, TimelinePolicy policy)
    {
        throw new NotImplementedException("The decider is being written.");
    }
}
