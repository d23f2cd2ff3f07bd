namespace PostPurchase.Core.Policies;

/// <summary>Review request timing: days after delivery per category, overridable per SKU.</summary>
public sealed record ReviewPolicy
{
    /// <summary>Whether to ask for reviews at all.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Days after delivery by product category (case-insensitive; a few synonyms each).</summary>
    public Dictionary<string, int> CategoryDays { get; init; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["skincare"] = 28, ["beauty"] = 28, ["cosmetics"] = 28,
        ["apparel"] = 7, ["clothing"] = 7, ["fashion"] = 7, ["shoes"] = 7, ["footwear"] = 7,
        ["electronics"] = 14,
        ["home"] = 14, ["furniture"] = 14,
        ["food"] = 3, ["consumables"] = 3, ["grocery"] = 3,
        ["books"] = 14, ["media"] = 14,
        ["toys"] = 7,
    };

    /// <summary>Days after delivery per SKU; wins over the category.</summary>
    public Dictionary<string, int> SkuDays { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Days after delivery for anything not listed.</summary>
    public int DefaultDays { get; init; } = 10;

    /// <summary>Local hour (customer's time zone) at which review and CSAT emails go out.</summary>
    public int LocalHour { get; init; } = 10;

    /// <summary>Days after the request to send one reminder when the link was not used; null = no reminder.</summary>
    public int? ReminderAfterDays { get; init; }

    /// <summary>When no delivered scan ever arrives: treat the order as delivered this many days after deliver-by.</summary>
    public int MissingDeliveryGraceDays { get; init; } = 5;
}
