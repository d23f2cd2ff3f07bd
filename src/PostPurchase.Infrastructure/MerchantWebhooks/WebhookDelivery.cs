namespace PostPurchase.Infrastructure.MerchantWebhooks;

/// <summary>One signal on its way to one shop endpoint, as the delivery log keeps it.</summary>
/// <param name="Id">Stable per (signal, endpoint); sent as <c>PostPurchase-Delivery</c> so the shop can dedupe.</param>
/// <param name="Payload">The exact JSON body that is signed and sent.</param>
public sealed record WebhookDelivery(
    string Id,
    string SignalId,
    string Kind,
    string OrderId,
    string Url,
    string Payload,
    WebhookDeliveryStatus Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt = null,
    DateTimeOffset? DeliveredAt = null,
    int? LastStatusCode = null,
    string? LastError = null);

/// <summary>Where a delivery is.</summary>
public enum WebhookDeliveryStatus
{
    /// <summary>Written, not tried yet.</summary>
    Pending,
    /// <summary>Failed, another attempt is scheduled.</summary>
    Retrying,
    /// <summary>The shop answered 2xx.</summary>
    Delivered,
    /// <summary>Every attempt failed; waits for a replay.</summary>
    Failed,
}
