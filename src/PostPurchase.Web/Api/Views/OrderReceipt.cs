using PostPurchase.Core.Timeline;

namespace PostPurchase.Web.Api;

/// <summary>The answer to order intake: the order's id, its status and the buyer's tracking page.</summary>
public sealed record OrderReceipt(string OrderId, OrderStatus Status, string TrackingUrl);
