namespace PostPurchase.Infrastructure.Workflows;

/// <summary>
/// An input for an order whose timeline is scheduled but has not run yet: it is refused rather than accepted, because the
/// Durable Task backend drops an event that reaches an instance before the instance's start is processed. Answered 503 with
/// Retry-After, which carriers, shops and providers retry; nothing is acknowledged that could be lost.
/// </summary>
public sealed class TimelineStartingException(string orderId)
    : Exception($"The timeline of order '{orderId}' is starting; send this again in a few seconds.")
{
    /// <summary>The order whose timeline is starting.</summary>
    public string OrderId { get; } = orderId;
}
