namespace PostPurchase.Core.Shops.Model;

/// <summary>What one verified delivery (or one order read from a platform's API) says about one shop order.</summary>
/// <param name="Topic">The platform's topic ("orders/create", "order.updated", "order.written").</param>
/// <param name="ShopOrderId">The order it is about.</param>
public sealed record ShopDelivery(string Platform, string Topic, string ShopOrderId)
{
    /// <summary>The order snapshot, when the delivery carries one.</summary>
    public ShopOrder? Order { get; init; }

    /// <summary>A fulfilment snapshot, when the delivery is one.</summary>
    public ShopFulfilment? Fulfilment { get; init; }

    /// <summary>A refund, when the delivery is one.</summary>
    public ShopRefund? Refund { get; init; }

    /// <summary>A tracking event of one fulfilment.</summary>
    public ShopTrackingEvent? TrackingEvent { get; init; }

    /// <summary>Set when the delivery changes nothing, with the reason shown on the dashboard.</summary>
    public string? Ignored { get; init; }

    /// <summary>The id of the order's timeline.</summary>
    public string OrderId => ShopPlatforms.OrderId(Platform, ShopOrderId);
}
