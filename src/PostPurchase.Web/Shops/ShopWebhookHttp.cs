using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PostPurchase.Core.Shops;
using PostPurchase.Core.Shops.Model;
using PostPurchase.Core.Shops.Shopify;
using PostPurchase.Core.Shops.Shopware;
using PostPurchase.Core.Shops.Signatures;
using PostPurchase.Core.Shops.WooCommerce;
using PostPurchase.Infrastructure.Configuration;
using PostPurchase.Infrastructure.Shops;
using PostPurchase.Web.Api;

namespace PostPurchase.Web.Shops;

/// <summary>
/// <c>POST /api/webhooks/shops/{shopify|woocommerce|shopware}</c> for both runtimes: the signature over the raw bytes first
/// (401 and nothing applied when unsigned or forged), then dedupe by the platform's delivery id, then the order's merge and
/// timeline inputs. Signed deliveries that cannot be mapped answer 200 and are listed as refused on the dashboard, because a
/// failing answer makes WooCommerce disable the webhook and Shopify drop the subscription.
/// </summary>
public static partial class ShopWebhookHttp
{
    /// <summary>The logger category of shop webhooks.</summary>
    public const string LogCategory = "PostPurchase.Webhooks.Shops";

    /// <summary>The largest delivery accepted: an order of 250 lines with every Shopify field is well under it.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>
    /// How long a Shopware delivery may wait for the Admin API: Shopware gives its webhooks 5 s in all, and the answer needs a
    /// few storage calls after the read.
    /// </summary>
    public static readonly TimeSpan ShopwareReadBudget = TimeSpan.FromSeconds(3);

    /// <summary>Shopify: <c>X-Shopify-Hmac-Sha256</c>, deduped by <c>X-Shopify-Webhook-Id</c>.</summary>
    public static Task<IResult> ShopifyAsync(HttpContext http) => ReceiveAsync(http, ShopPlatforms.Shopify);

    /// <summary>WooCommerce: <c>X-WC-Webhook-Signature</c>, deduped by webhook id + delivery id + body hash; the creation ping gets 200.</summary>
    public static Task<IResult> WooCommerceAsync(HttpContext http) => ReceiveAsync(http, ShopPlatforms.WooCommerce);

    /// <summary>Shopware: <c>shopware-shop-signature</c>, deduped by the event id; the order is read from the Admin API.</summary>
    public static Task<IResult> ShopwareAsync(HttpContext http) => ReceiveAsync(http, ShopPlatforms.Shopware);

    private static async Task<IResult> ReceiveAsync(HttpContext http, string platform)
    {
        ArgumentNullException.ThrowIfNull(http);
        var services = http.RequestServices;
        var settings = services.GetRequiredService<IOptionsSnapshot<PostPurchaseOptions>>().Value.Shops;
        var store = services.GetRequiredService<ShopStore>();
        var time = services.GetRequiredService<TimeProvider>();
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory);
        var ct = http.RequestAborted;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBytes;
        }
        var body = await RequestBody.ReadAsync(http.Request, ct, MaxBytes).ConfigureAwait(false);
        if (body is null)
        {
            return ApiProblems.TooLarge(MaxBytes);
        }
        var headers = http.Request.Headers;
        var topic = ShopWebhookHeaders.Topic(platform, headers);
        var signature = headers[ShopWebhookHeaders.Signature(platform)].ToString();
        if (platform == ShopPlatforms.WooCommerce && ShopSignatures.IsWooCommercePing(body, signature))
        {
            LogPing(log);
            return TypedResults.Ok(new ShopReceipt(platform, "ping", null, "ping"));
        }
        var secret = platform switch
        {
            ShopPlatforms.Shopify => settings.Shopify.WebhookSecret,
            ShopPlatforms.WooCommerce => settings.WooCommerce.WebhookSecret,
            _ => settings.Shopware.ShopSecret,
        };
        var verified = !string.IsNullOrWhiteSpace(secret) && platform switch
        {
            ShopPlatforms.Shopify => ShopSignatures.VerifyShopify(body, signature, secret),
            ShopPlatforms.WooCommerce => ShopSignatures.VerifyWooCommerce(body, signature, secret),
            _ => ShopSignatures.VerifyShopware(body, signature, secret),
        };
        if (!verified)
        {
            var reason = string.IsNullOrWhiteSpace(secret)
                ? $"Not connected: no secret is configured (PostPurchase__Shops__{ShopWebhookHeaders.SecretSetting(platform)})."
                : string.IsNullOrEmpty(signature) ? $"Unsigned: no {ShopWebhookHeaders.Signature(platform)} header." : $"Bad signature: {ShopWebhookHeaders.Signature(platform)} does not match the configured secret.";
            await store.EnsureCreatedAsync(ct).ConfigureAwait(false);
            await store.RefuseAsync(platform, topic, reason, time.GetUtcNow(), ct).ConfigureAwait(false);
            LogRefused(log, platform, topic, reason);
            return ApiProblems.Problem(StatusCodes.Status401Unauthorized, "Invalid shop webhook signature", $"{reason} Nothing was applied.");
        }
        await store.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var key = ShopWebhookHeaders.DeliveryKey(platform, headers, body);
        if (await store.SeenAsync(platform, key, ct).ConfigureAwait(false))
        {
            return TypedResults.Ok(new ShopReceipt(platform, topic, null, "duplicate"));
        }
        return await ApplyAsync(http, platform, topic, key, body, store, time, log).ConfigureAwait(false);
    }

    private static async Task<IResult> ApplyAsync(HttpContext http, string platform, string topic, string key, byte[] body, ShopStore store, TimeProvider time, ILogger log)
    {
        var ct = http.RequestAborted;
        var intake = http.RequestServices.GetRequiredService<ShopIntake>();
        string? orderId = null;
        try
        {
            var deliveries = await ReadAsync(http, platform, topic, body).ConfigureAwait(false);
            var inputs = 0;
            string? skipped = null;
            var outcome = "unchanged";
            foreach (var delivery in deliveries)
            {
                orderId ??= delivery.OrderId;
                if (delivery.Ignored is { } ignored)
                {
                    skipped = ignored;
                    outcome = "skipped";
                    continue;
                }
                var result = await intake.ApplyAsync(delivery, ct).ConfigureAwait(false);
                inputs += result.Inputs;
                skipped ??= result.Skipped;
                outcome = result.Outcome;
            }
            await store.RecordAsync(platform, key, topic, orderId, outcome, time.GetUtcNow(), ct).ConfigureAwait(false);
            return TypedResults.Ok(new ShopReceipt(platform, topic, orderId, outcome, inputs, skipped));
        }
        catch (ShopPayloadException ex)
        {
            await store.RefuseAsync(platform, topic, ex.Message, time.GetUtcNow(), ct).ConfigureAwait(false);
            await store.RecordAsync(platform, key, topic, orderId, "refused", time.GetUtcNow(), ct).ConfigureAwait(false);
            LogRefused(log, platform, topic, ex.Message);
            return TypedResults.Ok(new ShopReceipt(platform, topic, orderId, "refused", 0, ex.Message));
        }
        catch (ShopApiException ex)
        {
            // Not recorded as seen: the platform's retry (Shopify, Shopware) or the next reconciliation brings it again.
            LogApiFailed(log, ex, platform, topic);
            http.Response.Headers.RetryAfter = ((int)(ex.RetryAfter ?? TimeSpan.FromSeconds(60)).TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable, "Shop API unavailable", $"{ex.Message} The delivery was not applied; send it again later.");
        }
    }

    private static async Task<IReadOnlyList<ShopDelivery>> ReadAsync(HttpContext http, string platform, string topic, byte[] body)
    {
        switch (platform)
        {
            case ShopPlatforms.Shopify:
                return [ShopifyDeliveries.Read(topic, body)];
            case ShopPlatforms.WooCommerce:
                return [WooCommerceDeliveries.Read(topic, body)];
            default:
                var notice = ShopwareDeliveries.Read(body);
                if (notice.OrderIds.Count == 0)
                {
                    return [new ShopDelivery(platform, notice.Event, "") { Ignored = $"Event {notice.Event} names no order." }];
                }
                var admin = http.RequestServices.GetRequiredService<ShopwareAdmin>();
                if (!admin.Configured)
                {
                    throw new ShopPayloadException("Shopware webhooks carry only ids; set PostPurchase__Shops__Shopware__ShopUrl, __ClientId and __ClientSecret so the order can be read.");
                }
                var orders = await ReadShopwareAsync(admin, notice.OrderIds, http.RequestAborted).ConfigureAwait(false);
                var unknown = notice.OrderIds.Where(id => !orders.Any(o => o.ShopOrderId.Equals(id, StringComparison.OrdinalIgnoreCase)));
                return
                [
                    .. orders.Select(o => new ShopDelivery(platform, notice.Event, o.ShopOrderId) { Order = o }),
                    .. unknown.Select(id => new ShopDelivery(platform, notice.Event, id) { Ignored = $"Shopware does not know order {id} (deleted since the event?)." }),
                ];
        }
    }

    /// <summary>Reads the orders within <see cref="ShopwareReadBudget"/>; a slow or unreachable Admin API fails as a platform API failure (503, retried).</summary>
    private static async Task<IReadOnlyList<ShopOrder>> ReadShopwareAsync(ShopwareAdmin admin, IReadOnlyList<string> ids, CancellationToken requestAborted)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        budget.CancelAfter(ShopwareReadBudget);
        try
        {
            return await admin.OrdersAsync(ids, budget.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !requestAborted.IsCancellationRequested)
        {
            throw new ShopApiException(ex is HttpRequestException
                ? $"The Shopware Admin API could not be reached: {ex.Message}"
                : $"The Shopware Admin API did not answer within {ShopwareReadBudget.TotalSeconds:0} s.", ex) { RetryAfter = TimeSpan.FromSeconds(30) };
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "WooCommerce webhook ping answered")]
    private static partial void LogPing(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shop delivery from {Platform} ({Topic}) refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string platform, string topic, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shop delivery from {Platform} ({Topic}) not applied: the platform's API failed")]
    private static partial void LogApiFailed(ILogger logger, Exception exception, string platform, string topic);
}
