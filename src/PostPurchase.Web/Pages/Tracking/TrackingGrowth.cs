using PostPurchase.Core.Growth;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Links;

namespace PostPurchase.Web.Pages.Tracking;

/// <summary>What the tracking page shows beyond the order: complements once it shipped (measured links), and the buyer's loyalty standing.</summary>
public sealed record TrackingGrowth(IReadOnlyList<TrackingRecommendation> Recommendations, LoyaltyStatus? Loyalty)
{
    /// <summary>Recommendations only after shipping (the buyer first wants what they bought) and never for a cancelled or returned order.</summary>
    public static TrackingGrowth For(TimelineState state, TimelinePolicy policy, MeasuredLinks links)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(links);
        var shipped = state.Parcels.Any(p => p.FirstScanAt is not null || p.DeliveredAt is not null) || state.DeliveredAt is not null;
        var open = state.Status is not (OrderStatus.Cancelled or OrderStatus.Returned or OrderStatus.Refunded or OrderStatus.ReturnRequested);
        var products = shipped && open ? Core.Growth.Recommendations.For(state.Order, policy.Growth.Recommendations) : [];
        var orderId = state.Order.OrderId;
        return new TrackingGrowth(
            // Relative: the page's own host serves the redirect, whichever address the buyer reached it by.
            [.. products.Select(p => new TrackingRecommendation(p.Name, p.ImageUrl, $"/l/{links.Token(orderId, null, Core.Growth.Recommendations.LinkOf(p.Sku))}"))],
            state.Order.Customer.Loyalty);
    }
}

/// <summary>One complement on the tracking page; <see cref="Url"/> is its measured link.</summary>
public sealed record TrackingRecommendation(string Name, string? ImageUrl, string Url);
