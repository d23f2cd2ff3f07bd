namespace PostPurchase.Core.Shops.Mapping;

/// <summary>The merchant's choices that turn shop orders into timeline orders.</summary>
/// <param name="DefaultLocale">The language when the order names none of the supported ones.</param>
/// <param name="DefaultTimeZone">The buyer's zone when the shipping country (and region) does not settle it.</param>
/// <param name="ShipWithinDays">The promise's ship-by, in days after placement (shops send no promise).</param>
/// <param name="DeliverWithinDays">The promise's deliver-by, in days after placement.</param>
/// <param name="Categories">Category rules, tried in order before the product type.</param>
/// <param name="MaxOrderAge">
/// An order that reaches PostPurchase longer than this after it was placed gets no timeline: it is an older order changed in
/// the shop (a tag, a note, a late refund), most often from before the shop was connected, not a sale to tell the buyer about.
/// Null: no limit.
/// </param>
public sealed record ShopMapping(
    string DefaultLocale = "en",
    string DefaultTimeZone = "Europe/Amsterdam",
    int ShipWithinDays = 2,
    int DeliverWithinDays = 5,
    IReadOnlyList<CategoryRule>? Categories = null,
    TimeSpan? MaxOrderAge = null)
{
    /// <summary>The line's category: the first matching rule, else the product type (lower case), else "other".</summary>
    public string CategoryOf(string sku, string name, string? vendor, string? productType, IReadOnlyList<string>? tags)
    {
        var rule = (Categories ?? []).FirstOrDefault(r => r.Matches(sku, name, vendor, productType, tags ?? []));
        return rule?.Category ?? (string.IsNullOrWhiteSpace(productType) ? "other" : productType.Trim().ToLowerInvariant());
    }
}
