namespace PostPurchase.Web.Api;

/// <summary>Body of <c>POST /api/dev/clock/advance</c>: an ISO 8601 duration such as <c>P3DT2H</c>.</summary>
public sealed record AdvanceClockRequest(string? By);

/// <summary>Optional body of <c>POST /api/orders/{orderId}/cancel</c>.</summary>
public sealed record CancelOrderRequest(string? Reason);

/// <summary>Optional body of <c>POST /api/orders/{orderId}/refund</c>; <c>returned</c> true marks the goods as returned (default: a refund only).</summary>
public sealed record RefundOrderRequest(bool? Returned, string? Reason);
