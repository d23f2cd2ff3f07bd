using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;

namespace PostPurchase.Web.Api;

/// <summary>One line of an order's timeline: a carrier event or a message.</summary>
/// <param name="At">Carrier events: when the carrier saw it. Messages: when sent, else when scheduled for.</param>
/// <param name="TrackingStatus">For tracking events: the normalised status.</param>
/// <param name="Intent">For messages: why it was sent.</param>
/// <param name="MessageStatus">For messages: where it is now.</param>
public sealed record TimelineEntry(
    DateTimeOffset At,
    TimelineEntryKind Kind,
    string? TrackingNumber = null,
    TrackingStatus? TrackingStatus = null,
    string? Description = null,
    string? Location = null,
    Intent? Intent = null,
    Channel? Channel = null,
    MessageStatus? MessageStatus = null,
    SuppressionReason? Reason = null);

/// <summary>What a timeline entry is (wire names <c>tracking-event</c>, <c>message</c>).</summary>
public enum TimelineEntryKind
{
    /// <summary>A carrier scan or status change.</summary>
    TrackingEvent,
    /// <summary>A message to the buyer.</summary>
    Message,
}
