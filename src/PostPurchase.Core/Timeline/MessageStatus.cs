namespace PostPurchase.Core.Timeline;

/// <summary>Where a message is in its life; transitions only move forward (see <see cref="MessageStatusOrder"/>).</summary>
public enum MessageStatus
{
    /// <summary>Decided, waiting for its time (quiet hours, local hour, fatigue cap).</summary>
    Scheduled,
    /// <summary>Due: handed to the outbox to send.</summary>
    Pending,
    /// <summary>Accepted by the provider.</summary>
    Sent,
    /// <summary>The provider reports delivery to the handset or mailbox.</summary>
    Delivered,
    /// <summary>Sending failed permanently.</summary>
    Failed,
    /// <summary>Never sent, on purpose; <c>reason</c> says why.</summary>
    Suppressed,
}
