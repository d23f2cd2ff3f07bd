using PostPurchase.Core.Orders;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Web.Api;

/// <summary>One order as <c>GET /api/orders/{orderId}</c> shows it.</summary>
/// <param name="ExpectedDelivery">When it was delivered, else the latest carrier estimate, else the promised date.</param>
/// <param name="Timeline">Tracking events and messages, oldest first, each with its time.</param>
/// <param name="NextStep">What the timeline will do next and when; null once nothing is scheduled.</param>
/// <param name="Replies">What the buyer texted back (SMS or WhatsApp, keywords aside), oldest first.</param>
public sealed record OrderView(
    string OrderId,
    OrderStatus Status,
    DateTimeOffset? ExpectedDelivery,
    string TrackingUrl,
    bool Completed,
    Order Order,
    IReadOnlyList<ParcelState> Parcels,
    IReadOnlyList<TimelineEntry> Timeline,
    NextStep? NextStep,
    IReadOnlyList<CustomerReply> Replies);
