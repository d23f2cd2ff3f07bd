namespace PostPurchase.Core.Growth;

/// <summary>The shape of the one-click reorder link.</summary>
public enum ReorderLinkKind
{
    /// <summary>The item's product page (no cart is filled).</summary>
    Product,
    /// <summary>A Shopify cart permalink: <c>{shop}/cart/{variant}:{qty}</c>.</summary>
    Shopify,
    /// <summary>A WooCommerce add-to-cart link: <c>{shop}/?add-to-cart={variant}&amp;quantity={qty}</c>.</summary>
    WooCommerce,
    /// <summary>The merchant's own template with <c>{sku}</c>, <c>{variant}</c> and <c>{qty}</c>.</summary>
    Template,
}
