namespace PostPurchase.Core.Policies;

/// <summary>The optional CSAT survey sent some days after delivery.</summary>
public sealed record CsatPolicy
{
    /// <summary>Whether to send the survey.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Days after delivery, at the policy's local hour, for anything not listed per category or SKU.</summary>
    public int DaysAfterDelivery { get; init; } = 2;

    /// <summary>Days after delivery per product category (matched like the review delay); none by default.</summary>
    public Dictionary<string, int> CategoryDays { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Days after delivery per SKU; wins over the category.</summary>
    public Dictionary<string, int> SkuDays { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Scores at or below this are low: no review request, a support follow-up instead.</summary>
    public int LowScoreAtMost { get; init; } = 3;
}
