using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PostPurchase.Core.Shops;
using PostPurchase.Core.Shops.Model;
using PostPurchase.Core.Shops.Shopify;
using PostPurchase.Core.Shops.Shopware;
using PostPurchase.Core.Shops.WooCommerce;
using PostPurchase.Infrastructure.Configuration;

namespace PostPurchase.Infrastructure.Shops;

/// <summary>
/// Finds what webhooks missed: WooCommerce never retries and disables a failing webhook, Shopify drops deliveries after 4 hours of
/// failures, Shopware after about 4.5 hours. Orders changed since the last run are read from the platform's API and go through the
/// same merge and dedupe as webhooks.
/// </summary>
internal sealed partial class ShopReconciler(
    ShopStore store,
    ShopIntake intake,
    WooCommerceApi woo,
    ShopifyAdmin shopify,
    ShopwareAdmin shopware,
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
            runs.Add(await RunAsync(ShopPlatforms.WooCommerce, woo.OrdersModifiedAfterAsync, WooCommerceOrders.Read, ["date_modified_gmt"], cancellationToken).ConfigureAwait(false));
        }
        if (shopify.Configured)
        {
            runs.Add(await RunAsync(ShopPlatforms.Shopify, ShopifyOrdersAsync, ShopifyDeliveries.ReadOrder, ["updated_at"], cancellationToken).ConfigureAwait(false));
        }
        if (shopware.Configured)
        {
            runs.Add(await RunAsync(ShopPlatforms.Shopware, shopware.OrdersChangedSinceAsync, ShopwareOrders.Read, ["updatedAt", "createdAt"], cancellationToken).ConfigureAwait(false));
        }
        return runs;
    }

    /// <param name="read">The platform's orders changed since a time, as its API writes them.</param>
    /// <param name="map">Reads one of them as webhooks are read.</param>
    /// <param name="changedAt">Fields holding when an order changed, for one that cannot be mapped (so the next run moves past it).</param>
    private async Task<ReconcileRun> RunAsync(
        string platform,
        Func<DateTimeOffset, CancellationToken, IAsyncEnumerable<JsonElement>> read,
        Func<JsonElement, ShopOrder> map,
        string[] changedAt,
        CancellationToken cancellationToken)
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
            await foreach (var json in read(since, cancellationToken).ConfigureAwait(false))
            {
                seen++;
                DateTimeOffset? at;
                try
                {
                    var order = map(json);
                    at = order.UpdatedAt;
                    var result = await intake.ApplyAsync(new ShopDelivery(platform, "reconcile", order.ShopOrderId) { Order = order }, cancellationToken).ConfigureAwait(false);
                    changed += result.Inputs > 0 ? 1 : 0;
                }
                catch (ShopPayloadException ex)
                {
                    at = ChangedAt(json, changedAt);
                    var id = json.TryGetProperty("id", out var i) ? i.ToString() : "?";
                    await store.RefuseAsync(platform, "reconcile", $"Order {id}: {ex.Message}", time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                }
                if (at > watermark)
                {
                    watermark = at.Value;
                }
            }
        }
        catch (Exception ex) when (ex is ShopApiException or HttpRequestException or JsonException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            error = ex.Message;
            LogFailed(ex, platform);
        }
        var run = new ReconcileRun(started, time.GetUtcNow(), since, watermark, seen, changed, error);
        await store.SaveReconcileAsync(platform, run, cancellationToken).ConfigureAwait(false);
        LogRun(platform, since, seen, changed);
        return run;
    }

    /// <summary>The ids of changed orders by GraphQL, page by page, then those orders in the REST shape webhooks carry.</summary>
    private async IAsyncEnumerable<JsonElement> ShopifyOrdersAsync(DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? after = null;
        do
        {
            var (ids, next) = await shopify.ChangedOrdersAsync(since, after, cancellationToken).ConfigureAwait(false);
            if (ids.Count > 0)
            {
                foreach (var order in await shopify.OrdersAsync(ids, cancellationToken).ConfigureAwait(false))
                {
                    yield return order;
                }
            }
            after = next;
        }
        while (after is not null);
    }

    private static DateTimeOffset? ChangedAt(JsonElement order, string[] fields) =>
        fields.Select(f => order.ValueKind == JsonValueKind.Object && order.TryGetProperty(f, out var v) && v.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParse(v.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : (DateTimeOffset?)null)
            .FirstOrDefault(t => t is not null);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shop reconciliation {Platform} since {Since:o}: {Orders} orders read, {Changed} with something new")]
    private partial void LogRun(string platform, DateTimeOffset since, int orders, int changed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shop reconciliation {Platform} stopped; the next run starts from the same point")]
    private partial void LogFailed(Exception exception, string platform);
}
