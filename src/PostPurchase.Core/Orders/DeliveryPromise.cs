namespace PostPurchase.Core.Orders;

/// <summary>What the shop promised at checkout: shipped by, delivered by.</summary>
public sealed record DeliveryPromise(DateTimeOffset ShipBy, DateTimeOffset DeliverBy);
