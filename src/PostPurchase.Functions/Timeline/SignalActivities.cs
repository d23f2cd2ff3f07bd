using Microsoft.Azure.Functions.Worker;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.MerchantWebhooks;

namespace PostPurchase.Functions.Timeline;

/// <summary>Tells the shop what the timeline raised (low CSAT, delays, cancellation requests) through the shared merchant webhooks.</summary>
public sealed class SignalActivities(IMerchantWebhooks webhooks)
{
    /// <summary>Publishes one signal; publishing it again (an activity retry) sends nothing new.</summary>
    [Function(nameof(PublishSignal))]
    public async Task PublishSignal([ActivityTrigger] MerchantSignal signal, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(context);
        await webhooks.PublishAsync(signal, context.CancellationToken);
    }
}
