using PostPurchase.Core.Timeline;

namespace PostPurchase.Functions.Timeline;

/// <summary>The input of the send activity: the message and the state it is rendered from.</summary>
public sealed record SendMessageRequest(TimelineState State, TimelineMessage Message);
