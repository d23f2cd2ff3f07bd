namespace PostPurchase.Core.Growth;

/// <summary>How the reorder link of a replenishment reminder is built.</summary>
public sealed record ReorderLinkPolicy
{
    /// <summary>Product page, Shopify cart permalink, WooCommerce add-to-cart or a template.</summary>
    public ReorderLinkKind Kind { get; init; } = ReorderLinkKind.Product;

    /// <summary>The shop's base URL (Shopify, WooCommerce), e.g. https://shop.example.</summary>
    public string? ShopUrl { get; init; }

    /// <summary>For <see cref="ReorderLinkKind.Template"/>: an absolute URL with <c>{sku}</c>, <c>{variant}</c> and <c>{qty}</c>.</summary>
    public string? UrlTemplate { get; init; }
}
