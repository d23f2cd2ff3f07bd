namespace PostPurchase.Core.Timeline;

/// <summary>A refund the order received, full or partial, as the shop reported it.</summary>
/// <param name="RefundId">The shop's refund id, when it has one.</param>
/// <param name="Amount">The amount refunded, when known.</param>
public sealed record RefundRecord(string? RefundId, bool Partial, bool Returned, decimal? Amount, string? Reason, DateTimeOffset At);
