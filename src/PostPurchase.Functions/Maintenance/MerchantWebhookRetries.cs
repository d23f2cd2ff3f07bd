using Microsoft.Azure.Functions.Worker;
using PostPurchase.Infrastructure.MerchantWebhooks;

namespace PostPurchase.Functions.Maintenance;

/// <summary>Retries merchant webhook deliveries that are due; on a plan that scales to zero no background loop runs between invocations.</summary>
public sealed class MerchantWebhookRetries(IMerchantWebhooks webhooks)
{
    /// <summary>Every 5 minutes.</summary>
    [Function(nameof(RetryMerchantWebhooks))]
    public async Task RetryMerchantWebhooks([TimerTrigger("0 */5 * * * *")] TimerInfo timer, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await webhooks.RetryDueAsync(context.CancellationToken);
    }
}
