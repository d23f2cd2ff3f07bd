using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PostPurchase.Core.Shops;
using PostPurchase.Core.Shops.Model;
using PostPurchase.Core.Shops.Shopify;
using PostPurchase.Infrastructure.Configuration;

namespace PostPurchase.Infrastructure.Shops;

/// <summary>
/// Finds what webhooks missed: WooCommerce never retries and disables a failing webhook, Shopify drops deliveries after a day of
/// downtime. Orders changed since the last run are read from the platform's API and go through the same merge and dedupe as webhooks.
/// </summary>
internal sealed partial class ShopReconciler(
    ShopStore store,
    ShopIntake intake,
    WooCommerceApi woo,
    ShopifyAdmin shopify,
    IOptionsMonitor<PostPurchaseOptions> options,
    TimeProvider time,
    ILogger<ShopReconciler> logger)
{
    /// <summary>Each run asks again for this much before the last change it saw, so an order changed in the same second is not missed.</summary>
    private static readonly TimeSpan Overlap = TimeSpan.FromMinutes(1);

    /// <summary>Runs every platform whose API is configured; a failing platform is recorded and does not stop the others.</summary>
    public async Task<IReadOnlyList<ReconcileRun>> RunAsync(CancellationToken cancellationToken)
    {
        var runs = new List<ReconcileRun>();
        if (woo.Configured)
        {
            runs.Add(await RunAsync(ShopPlatforms.WooCommerce, WooOrdersAsync, cancellationToken).ConfigureAwait(false));
        }
        if (shopify.Configured)
        {
            runs.Add(await RunAsync(ShopPlatforms.Shopify, ShopifyOrdersAsync, cancellationToken).ConfigureAwait(false));
        }
        return runs;
    }

    private async Task<ReconcileRun> RunAsync(string platform, Func<DateTimeOffset, CancellationToken, IAsyncEnumerable<ShopOrder>> read, CancellationToken cancellationToken)
    {
        await store.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var started = time.GetUtcNow();
        var last = await store.LastReconcileAsync(platform, cancellationToken).ConfigureAwait(false);
        var since = last is null ? started - options.CurrentValue.Shops.FirstLookBack : last.Watermark - Overlap;
        var watermark = last?.Watermark ?? since;
        int seen = 0, changed = 0;
        string? error = null;
        try
        {
            await foreach (var order in read(since, cancellationToken).ConfigureAwait(false))
            {
                seen++;
                try
                {
                    var result = await intake.ApplyAsync(new ShopDelivery(platform, "reconcile", order.ShopOrderId) { Order = order }, cancellationToken).ConfigureAwait(false);
                    changed += result.Inputs > 0 ? 1 : 0;
                }
                catch (ShopPayloadException ex)
                {
                    await store.RefuseAsync(platform, "reconcile", ex.Message, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                }
                if (order.UpdatedAt > watermark)
                {
                    watermark = order.UpdatedAt;
                }
            }
        }
        catch (Exception ex) when (ex is ShopApiException or HttpRequestException or System.Text.Json.JsonException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            error = ex.Message;
            LogFailed(ex, platform);
        }
        var run = new ReconcileRun(started, time.GetUtcNow(), since, watermark, seen, changed, error);
        await store.SaveReconcileAsync(platform, run, cancellationToken).ConfigureAwait(false);
        LogRun(platform, since, seen, changed);
        return run;
    }

    private async IAsyncEnumerable<ShopOrder> WooOrdersAsync(DateTimeOffset since, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var order in await woo.OrdersModifiedAfterAsync(since, cancellationToken).ConfigureAwait(false))
        {
            yield return order;
        }
    }

    private async IAsyncEnumerable<ShopOrder> ShopifyOrdersAsync(DateTimeOffset since, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? after = null;
        do
        {
            var (page, next) = await shopify.ChangedOrdersAsync(since, after, cancellationToken).ConfigureAwait(false);
            foreach (var (id, _) in page)
            {
                using var document = await shopify.OrderAsync(id, cancellationToken).ConfigureAwait(false);
                if (document?.RootElement.TryGetProperty("order", out var order) == true)
                {
                    yield return ShopifyDeliveries.ReadOrder(order);
                }
            }
            after = next;
        }
        while (after is not null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shop reconciliation {Platform} since {Since:o}: {Orders} orders read, {Changed} with something new")]
    private partial void LogRun(string platform, DateTimeOffset since, int orders, int changed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shop reconciliation {Platform} stopped; the next run starts from the same point")]
    private partial void LogFailed(Exception exception, string platform);
}
