namespace PostPurchase.Core.Orders;

/// <summary>One line of the order.</summary>
/// <param name="Category">Free text from the shop (e.g. "skincare"); review timing keys on it.</param>
/// <param name="VariantId">The shop's variant or product id, for one-click reorder links (Shopify variant, WooCommerce product); the SKU otherwise.</param>
public sealed record OrderItem(
    string Sku,
    string Name,
    string Category,
    int Quantity,
    decimal UnitPrice,
    string? ImageUrl = null,
    string? ProductUrl = null,
    string? HowToUrl = null,
    string? VariantId = null);
