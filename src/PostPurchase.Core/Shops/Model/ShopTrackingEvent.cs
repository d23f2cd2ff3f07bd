namespace PostPurchase.Core.Shops.Model;

/// <summary>A carrier status the shop itself tracked for one fulfilment (Shopify <c>fulfillment_events/create</c>).</summary>
public sealed record ShopTrackingEvent(
    string Id,
    string FulfilmentId,
    string Status,
    DateTimeOffset HappenedAt,
    string? Message,
    string? Location,
    DateTimeOffset? EstimatedDeliveryAt);
