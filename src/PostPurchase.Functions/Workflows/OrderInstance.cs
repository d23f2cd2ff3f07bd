namespace PostPurchase.Functions.Workflows;

/// <summary>The orchestration instance id of an order: <c>order-{orderId}</c>, so starting twice is idempotent.</summary>
public static class OrderInstance
{
    /// <summary>The prefix every order's instance id starts with.</summary>
    public const string Prefix = "order-";

    /// <summary>The instance id of <paramref name="orderId"/>.</summary>
    public static string IdFor(string orderId)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        return Prefix + orderId;
    }

    /// <summary>The order id in <paramref name="instanceId"/>; false for instances that are not order timelines.</summary>
    public static bool TryGetOrderId(string? instanceId, out string orderId)
    {
        var isOrder = instanceId is not null && instanceId.Length > Prefix.Length && instanceId.StartsWith(Prefix, StringComparison.Ordinal);
        orderId = isOrder ? instanceId![Prefix.Length..] : "";
        return isOrder;
    }
}
