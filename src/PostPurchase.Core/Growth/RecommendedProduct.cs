namespace PostPurchase.Core.Growth;

/// <summary>A product the merchant recommends with another.</summary>
public sealed record RecommendedProduct
{
    /// <summary>The product's SKU (never recommended to an order that already holds it).</summary>
    public string Sku { get; init; } = "";

    /// <summary>Its name as the buyer sees it.</summary>
    public string Name { get; init; } = "";

    /// <summary>Its product page (absolute http(s) URL).</summary>
    public string Url { get; init; } = "";

    /// <summary>A picture (absolute https URL), optional.</summary>
    public string? ImageUrl { get; init; }
}
