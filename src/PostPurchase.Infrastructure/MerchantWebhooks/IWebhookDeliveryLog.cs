namespace PostPurchase.Infrastructure.MerchantWebhooks;

/// <summary>Every outgoing webhook with its attempts, so the dashboard can show failures and replay them.</summary>
public interface IWebhookDeliveryLog
{
    /// <summary>Records a new delivery; false when one with the same id exists (the signal was published before).</summary>
    Task<bool> TryAddAsync(WebhookDelivery delivery, CancellationToken cancellationToken);

    /// <summary>Overwrites a delivery after an attempt.</summary>
    Task UpdateAsync(WebhookDelivery delivery, CancellationToken cancellationToken);

    /// <summary>One delivery, or null.</summary>
    Task<WebhookDelivery?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The newest deliveries first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<WebhookDelivery>> ListAsync(int max, CancellationToken cancellationToken);

    /// <summary>Deliveries waiting for an attempt at or before <paramref name="now"/>.</summary>
    Task<IReadOnlyList<WebhookDelivery>> ListDueAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
