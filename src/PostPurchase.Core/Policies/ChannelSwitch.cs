using PostPurchase.Core.Timeline;

namespace PostPurchase.Core.Policies;

/// <summary>One channel of one intent that the merchant switched off.</summary>
public sealed record ChannelSwitch(Intent Intent, Channel Channel);
