using PostPurchase.Core.Timeline;

namespace PostPurchase.Infrastructure.MerchantWebhooks;

/// <summary>Tells the shop about merchant signals with signed POSTs, retried with backoff and logged.</summary>
public interface IMerchantWebhooks
{
    /// <summary>Logs one delivery per matching endpoint and makes the first attempt; publishing the same signal twice sends nothing new.</summary>
    Task<IReadOnlyList<WebhookDelivery>> PublishAsync(MerchantSignal signal, CancellationToken cancellationToken);

    /// <summary>Only logs the deliveries (one table write each) and wakes the dispatcher, which sends them in the background; for the runtime's hot path.</summary>
    Task<IReadOnlyList<WebhookDelivery>> EnqueueAsync(MerchantSignal signal, CancellationToken cancellationToken);

    /// <summary>Makes the next attempt of every delivery whose retry is due.</summary>
    Task<int> RetryDueAsync(CancellationToken cancellationToken);

    /// <summary>Sends a logged delivery again now (the dashboard's replay button); null when the id is unknown.</summary>
    Task<WebhookDelivery?> ReplayAsync(string deliveryId, CancellationToken cancellationToken);
}
