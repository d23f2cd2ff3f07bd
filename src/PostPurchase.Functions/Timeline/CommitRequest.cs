using PostPurchase.Core.Timeline;

namespace PostPurchase.Functions.Timeline;

/// <summary>The input of the commit activity: one decision's new state, the messages to send now and the signals to publish.</summary>
public sealed record CommitRequest(TimelineState State, IReadOnlyList<TimelineMessage> Send, IReadOnlyList<MerchantSignal> Signals);
