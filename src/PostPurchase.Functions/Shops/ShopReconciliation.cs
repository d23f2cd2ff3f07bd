using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using PostPurchase.Functions.Workflows;
using PostPurchase.Infrastructure.Shops;

namespace PostPurchase.Functions.Shops;

/// <summary>The Function App's reconciliation: the WooCommerce poll and the Shopify catch-up, through the same merge and dedupe as webhooks.</summary>
public sealed class ShopReconciliation
{
    /// <summary>Every 15 minutes (and at start-up, catching up after downtime).</summary>
    [Function(nameof(ReconcileShops))]
    public async Task ReconcileShops(
        [TimerTrigger("0 */15 * * * *", RunOnStartup = true)] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        DurableClientScope.Attach(context, client);
        await context.InstanceServices.GetRequiredService<ShopReconciler>().RunAsync(context.CancellationToken);
    }
}
