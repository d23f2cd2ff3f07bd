namespace PostPurchase.Core.Timeline;

/// <summary>The order's status derived from its parcels while it is open (not cancelled, returned or refunded).</summary>
internal static class OrderProgress
{
    /// <summary>Statuses in which the order still moves with its parcels.</summary>
    public static bool IsOpen(OrderStatus status) => status is OrderStatus.Confirmed or OrderStatus.PartiallyShipped
        or OrderStatus.Shipped or OrderStatus.PartiallyDelivered or OrderStatus.Delivered;

    /// <summary>Sets the order status from the parcels, and the order's delivery moment once the last parcel is delivered.</summary>
    public static void Recompute(DecisionContext ctx)
    {
        var state = ctx.State;
        if (!IsOpen(state.Status))
        {
            return;
        }
        var parcels = state.Parcels;
        var delivered = parcels.Count(p => p.DeliveredAt is not null);
        var scanned = parcels.Count(p => p.FirstScanAt is not null || p.DeliveredAt is not null);
        var status = parcels.Count == 0 ? OrderStatus.Confirmed
            : delivered == parcels.Count ? OrderStatus.Delivered
            : delivered > 0 ? OrderStatus.PartiallyDelivered
            : scanned == parcels.Count ? OrderStatus.Shipped
            : scanned > 0 ? OrderStatus.PartiallyShipped
            : OrderStatus.Confirmed;
        var deliveredAt = state.DeliveredAt;
        if (status == OrderStatus.Delivered && deliveredAt is null)
        {
            deliveredAt = parcels.Max(p => p.DeliveredAt);
        }
        ctx.State = state with { Status = status, DeliveredAt = deliveredAt };
    }
}
