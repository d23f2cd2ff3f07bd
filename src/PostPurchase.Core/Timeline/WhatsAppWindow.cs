namespace PostPurchase.Core.Timeline;

/// <summary>WhatsApp's customer-service window: free-form text is allowed for 24 hours after the buyer's own message.</summary>
/// <remarks>Outside the window only pre-approved templates may be sent; runtimes ask <c>IsOpen</c> at the moment of sending.</remarks>
public static class WhatsAppWindow
{
    /// <summary>How long the window stays open after the buyer's last WhatsApp message.</summary>
    public static readonly TimeSpan Length = TimeSpan.FromHours(24);

    /// <summary>True when the buyer's last WhatsApp message came at or before <paramref name="at"/> and less than 24 hours earlier.</summary>
    public static bool IsOpen(TimelineState state, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(state);
        return IsOpen(state.WhatsAppWindowOpenedAt, at);
    }

    /// <summary>True when a window opened at <paramref name="openedAt"/> (null: never) is still open at <paramref name="at"/>.</summary>
    public static bool IsOpen(DateTimeOffset? openedAt, DateTimeOffset at) =>
        openedAt is { } opened && opened <= at && at - opened < Length;
}
