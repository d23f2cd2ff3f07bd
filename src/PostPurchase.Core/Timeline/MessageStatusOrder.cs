namespace PostPurchase.Core.Timeline;

/// <summary>Keeps message status transitions monotonic: callbacks arrive out of order.</summary>
public static class MessageStatusOrder
{
    /// <summary>True when moving from <paramref name="current"/> to <paramref name="next"/> is progress.</summary>
    public static bool IsForward(MessageStatus current, MessageStatus next) => Rank(next) > Rank(current);

    private static int Rank(MessageStatus status) => status switch
    {
        MessageStatus.Scheduled => 0,
        MessageStatus.Pending => 1,
        MessageStatus.Sent => 2,
        MessageStatus.Failed => 3,
        MessageStatus.Delivered => 4,
        MessageStatus.Suppressed => 5,
        _ => 0,
    };
}
