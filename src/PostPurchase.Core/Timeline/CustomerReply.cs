namespace PostPurchase.Core.Timeline;

/// <summary>One message the buyer sent, as kept on the order.</summary>
/// <param name="At">When the timeline received it (the decision's time).</param>
/// <param name="ProviderMessageId">The provider's id of the inbound message, when it gave one.</param>
public sealed record CustomerReply(Channel Channel, string Text, DateTimeOffset At, string? ProviderMessageId = null);
