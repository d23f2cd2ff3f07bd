namespace PostPurchase.Core.Timeline;

/// <summary>What <see cref="OrderTimeline.Decide"/> concluded from one input.</summary>
/// <param name="State">The new state to save (with <see cref="TimelineState.NextWakeAt"/> and <see cref="TimelineState.Completed"/> set).</param>
/// <param name="Messages">Messages whose status this decision set: <c>Pending</c> ones to send now, <c>Suppressed</c> ones to record.
/// Messages deferred to later stay <c>Scheduled</c> in the state and come out on the wake-up at their time.</param>
/// <param name="Signals">Things to tell the merchant.</param>
public sealed record Decision(
    TimelineState State,
    IReadOnlyList<TimelineMessage> Messages,
    IReadOnlyList<MerchantSignal> Signals)
{
    /// <summary>When the runtime must call back with a <see cref="WakeUp"/>; null when nothing is scheduled.</summary>
    public DateTimeOffset? WakeAt => State.NextWakeAt;

    /// <summary>True when the timeline has ended.</summary>
    public bool Completed => State.Completed;
}
