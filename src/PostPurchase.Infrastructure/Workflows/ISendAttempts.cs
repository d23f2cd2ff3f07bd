namespace PostPurchase.Infrastructure.Workflows;

/// <summary>
/// Where the Azure runtime's send activity marks that it is about to hand a text to its provider: an activity run again after
/// a crash finds the mark and asks the provider first (<see cref="Channels.OutboundMessage.LostAttemptAt"/>), as the self-hosted
/// runtime's claim does.
/// </summary>
public interface ISendAttempts
{
    /// <summary>Marks an attempt at <paramref name="messageKey"/> beginning at <paramref name="now"/>; returns when the first attempt began, or null when this is the first.</summary>
    Task<DateTimeOffset?> BeginAsync(string orderId, string messageKey, DateTimeOffset now, CancellationToken cancellationToken);
}
