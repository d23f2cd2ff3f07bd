namespace PostPurchase.Core.Shops.Model;

/// <summary>One line of a shop order.</summary>
/// <param name="LineId">The platform's line id (fulfilments and refunds name lines by it).</param>
/// <param name="ProductId">The product's id, null for a custom or deleted item.</param>
/// <param name="ProductType">The product type when the payload has it (Shopify's order lines never do).</param>
/// <param name="Tags">The product's tags when known.</param>
public sealed record ShopLine(
    string LineId,
    string? ProductId,
    string Sku,
    string Name,
    string? Vendor,
    int Quantity,
    decimal UnitPrice,
    bool RequiresShipping,
    string? ImageUrl = null,
    string? ProductType = null,
    IReadOnlyList<string>? Tags = null);
