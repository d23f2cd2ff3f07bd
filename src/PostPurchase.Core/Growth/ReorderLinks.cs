using System.Globalization;
using PostPurchase.Core.Orders;

namespace PostPurchase.Core.Growth;

/// <summary>Builds the one-click reorder link of an item: Shopify cart permalink, WooCommerce add-to-cart, a template or the product page.</summary>
public static class ReorderLinks
{
    /// <summary>The link that puts <paramref name="quantity"/> of <paramref name="item"/> in the cart; null when none can be built.</summary>
    public static string? For(OrderItem item, int quantity, ReorderLinkPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(policy);
        var variant = Uri.EscapeDataString(string.IsNullOrWhiteSpace(item.VariantId) ? item.Sku : item.VariantId);
        var qty = Math.Max(1, quantity).ToString(CultureInfo.InvariantCulture);
        var shop = policy.ShopUrl?.TrimEnd('/');
        var url = policy.Kind switch
        {
            ReorderLinkKind.Shopify when shop is not null => $"{shop}/cart/{variant}:{qty}",
            ReorderLinkKind.WooCommerce when shop is not null => $"{shop}/?add-to-cart={variant}&quantity={qty}",
            ReorderLinkKind.Template when policy.UrlTemplate is { } template => template
                .Replace("{sku}", Uri.EscapeDataString(item.Sku), StringComparison.Ordinal)
                .Replace("{variant}", variant, StringComparison.Ordinal)
                .Replace("{qty}", qty, StringComparison.Ordinal),
            _ => item.ProductUrl,
        };
        return IsWebUrl(url) ? url : null;
    }

    /// <summary>True for an absolute http(s) URL.</summary>
    public static bool IsWebUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http";
}
