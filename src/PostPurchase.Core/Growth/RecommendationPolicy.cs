namespace PostPurchase.Core.Growth;

/// <summary>Complements per SKU or category, shown once the order shipped (tracking page) and in the delivered email.</summary>
public sealed record RecommendationPolicy
{
    /// <summary>Complements of a SKU (case-insensitive); listed first.</summary>
    public Dictionary<string, List<RecommendedProduct>> BySku { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Complements of a category (the most specific known word of a category path counts).</summary>
    public Dictionary<string, List<RecommendedProduct>> ByCategory { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>At most this many are shown.</summary>
    public int Max { get; init; } = 3;
}
