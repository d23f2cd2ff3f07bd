using System.Collections.Concurrent;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.MerchantWebhooks;

namespace PostPurchase.Functions.Tests.Support;

/// <summary>Records the merchant signals the timeline publishes.</summary>
internal sealed class RecordingMerchantWebhooks : IMerchantWebhooks
{
    public ConcurrentQueue<MerchantSignal> Published { get; } = new();

    public Task<IReadOnlyList<WebhookDelivery>> PublishAsync(MerchantSignal signal, CancellationToken cancellationToken)
    {
        Published.Enqueue(signal);
        return Task.FromResult<IReadOnlyList<WebhookDelivery>>([]);
    }

    public Task<IReadOnlyList<WebhookDelivery>> EnqueueAsync(MerchantSignal signal, CancellationToken cancellationToken) =>
        PublishAsync(signal, cancellationToken);

    public Task<int> RetryDueAsync(CancellationToken cancellationToken) => Task.FromResult(0);

    public Task<WebhookDelivery?> ReplayAsync(string deliveryId, CancellationToken cancellationToken) =>
        Task.FromResult<WebhookDelivery?>(null);
}
