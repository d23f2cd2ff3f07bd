namespace PostPurchase.Core.Shops.Mapping;

/// <summary>A merchant rule giving a line its product category (review timing keys on it); the first rule that matches wins.</summary>
/// <param name="SkuPrefix">Matches SKUs starting with this text (any case).</param>
/// <param name="Vendor">Matches the line's vendor exactly (any case).</param>
/// <param name="Tag">Matches a product tag (any case), when the platform or the Admin API lookup gives tags.</param>
/// <param name="TitleKeyword">Matches names containing this word or phrase (any case).</param>
/// <param name="ProductType">Matches the platform's product type (any case).</param>
public sealed record CategoryRule(
    string Category,
    string? SkuPrefix = null,
    string? Vendor = null,
    string? Tag = null,
    string? TitleKeyword = null,
    string? ProductType = null)
{
    /// <summary>True when every condition the rule sets holds for the line (a rule with no condition matches nothing).</summary>
    public bool Matches(string sku, string name, string? vendor, string? productType, IReadOnlyList<string> tags)
    {
        if (SkuPrefix is null && Vendor is null && Tag is null && TitleKeyword is null && ProductType is null)
        {
            return false;
        }
        return (SkuPrefix is null || sku.StartsWith(SkuPrefix, StringComparison.OrdinalIgnoreCase))
            && (Vendor is null || string.Equals(vendor, Vendor, StringComparison.OrdinalIgnoreCase))
            && (Tag is null || tags.Contains(Tag, StringComparer.OrdinalIgnoreCase))
            && (TitleKeyword is null || name.Contains(TitleKeyword, StringComparison.OrdinalIgnoreCase))
            && (ProductType is null || string.Equals(productType, ProductType, StringComparison.OrdinalIgnoreCase));
    }
}
