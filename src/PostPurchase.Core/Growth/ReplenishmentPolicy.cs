namespace PostPurchase.Core.Growth;

/// <summary>How long a product lasts, per SKU or category; a reminder goes out when it is about to run out.</summary>
/// <remarks>No SKU or category is listed by default: usage is the merchant's knowledge (a 50 ml serum lasts about 60 days).</remarks>
public sealed record ReplenishmentPolicy
{
    /// <summary>Days one unit lasts, per SKU (case-insensitive); wins over the category.</summary>
    public Dictionary<string, int> SkuDays { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Days one unit lasts, per category (the most specific known word of a category path counts).</summary>
    public Dictionary<string, int> CategoryDays { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Where the one-click reorder link goes.</summary>
    public ReorderLinkPolicy Reorder { get; init; } = new();
}
