namespace PostPurchase.Core.Shops;

/// <summary>The shop platforms orders and fulfilments come from, by their route and settings name.</summary>
public static class ShopPlatforms
{
    /// <summary>Shopify (webhooks signed with the app's client secret or the store's notification key).</summary>
    public const string Shopify = "shopify";

    /// <summary>WooCommerce (webhooks signed with each webhook's secret).</summary>
    public const string WooCommerce = "woocommerce";

    /// <summary>Shopware 6 (app webhooks signed with the shop secret).</summary>
    public const string Shopware = "shopware";

    /// <summary>Every platform, in the order the dashboard lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Shopify, WooCommerce, Shopware];

    /// <summary>The order id a platform's order gets here: <c>{platform}-{shop order id}</c>.</summary>
    public static string OrderId(string platform, string shopOrderId) => $"{platform}-{shopOrderId}";
}
