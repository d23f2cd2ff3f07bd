using PostPurchase.Core.Timeline;

namespace PostPurchase.Web.Api;

/// <summary>The next thing the timeline will do on its own, and when.</summary>
/// <param name="Kind"><c>message</c> when a scheduled message goes out next; <c>check</c> for a timed check (delay alerts, review timing).</param>
public sealed record NextStep(DateTimeOffset At, NextStepKind Kind, Intent? Intent = null, Channel? Channel = null);

/// <summary>Kinds of next step (wire names <c>message</c>, <c>check</c>).</summary>
public enum NextStepKind
{
    /// <summary>A scheduled message is released.</summary>
    Message,
    /// <summary>The timeline wakes to check deadlines.</summary>
    Check,
}
