using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using PostPurchase.Core.Shops;

namespace PostPurchase.Web.Shops;

/// <summary>What a shop delivery's headers say, per platform: its topic, where its signature is, and the key it is deduplicated by.</summary>
internal static class ShopWebhookHeaders
{
    /// <summary>The platform's topic header (Shopware names its event in the body: "event").</summary>
    public static string Topic(string platform, IHeaderDictionary headers) => platform switch
    {
        ShopPlatforms.Shopify => headers["X-Shopify-Topic"].ToString(),
        ShopPlatforms.WooCommerce => headers["X-WC-Webhook-Topic"].ToString(),
        _ => "event",
    } is { Length: > 0 } t ? t : "unknown";

    /// <summary>The header that carries the platform's signature.</summary>
    public static string Signature(string platform) => platform switch
    {
        ShopPlatforms.Shopify => "X-Shopify-Hmac-Sha256",
        ShopPlatforms.WooCommerce => "X-WC-Webhook-Signature",
        _ => "shopware-shop-signature",
    };

    /// <summary>The setting (below <c>PostPurchase__Shops__</c>) that holds the platform's secret.</summary>
    public static string SecretSetting(string platform) => platform switch
    {
        ShopPlatforms.Shopify => "Shopify__WebhookSecret",
        ShopPlatforms.WooCommerce => "WooCommerce__WebhookSecret",
        _ => "Shopware__ShopSecret",
    };

    /// <summary>Shopify's webhook id; WooCommerce's webhook and delivery ids with the body's hash (its delivery id repeats within a second); Shopware's event id.</summary>
    public static string DeliveryKey(string platform, IHeaderDictionary headers, byte[] body)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(body));
        return platform switch
        {
            ShopPlatforms.Shopify => headers["X-Shopify-Webhook-Id"].ToString() is { Length: > 0 } id ? id : $"body-{hash}",
            ShopPlatforms.WooCommerce => $"{headers["X-WC-Webhook-ID"]}-{headers["X-WC-Webhook-Delivery-ID"]}-{hash}",
            _ => headers["X-Shopware-Event-Id"].ToString() is { Length: > 0 } e ? e : $"body-{hash}",
        };
    }
}
