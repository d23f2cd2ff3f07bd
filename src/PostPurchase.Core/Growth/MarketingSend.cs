using PostPurchase.Core.Timeline;

namespace PostPurchase.Core.Growth;

/// <summary>One marketing update to the buyer (counted once whatever the channels it went by).</summary>
/// <param name="Update">The message key without its channel (<see cref="MessageKey.UpdateOf"/>), e.g. "1001:win-back".</param>
public sealed record MarketingSend(string Update, Intent Intent, DateTimeOffset At);
