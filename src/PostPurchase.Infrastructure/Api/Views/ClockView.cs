namespace PostPurchase.Infrastructure.Api;

/// <summary>The simulated clock's time.</summary>
public sealed record ClockView(DateTimeOffset Now);
