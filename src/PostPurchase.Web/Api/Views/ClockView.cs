namespace PostPurchase.Web.Api;

/// <summary>The simulated clock's time.</summary>
public sealed record ClockView(DateTimeOffset Now);
