using PostPurchase.Core.Orders;

namespace PostPurchase.Core.Policies;

/// <summary>How long after delivery to ask for a review, per SKU, per category and for a mixed order.</summary>
/// <remarks>
/// Mixed orders get one request, timed for the item that needs the longest to judge (a serum bought with a
/// T-shirt is asked about after the serum's 28 days, not the T-shirt's 7), and it asks about every item.
/// </remarks>
public static class ReviewTiming
{
    /// <summary>Days after delivery for one item: the SKU override, else its category, else the default.</summary>
    public static int DaysFor(OrderItem item, ReviewPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return DaysFor(item, policy.SkuDays, policy.CategoryDays, policy.DefaultDays);
    }

    /// <summary>Days for one item from a per-SKU table, else a per-category table, else <paramref name="defaultDays"/>.</summary>
    internal static int DaysFor(OrderItem item, IReadOnlyDictionary<string, int> skuDays, IReadOnlyDictionary<string, int> categoryDays, int defaultDays)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (Lookup.TryGet(skuDays, item.Sku, out var skuDaysFound))
        {
            return skuDaysFound;
        }
        // Shops send paths like "Beauty > Skincare" or "Home & Garden": the most specific known word wins.
        return CategoryLookup.TryFind(categoryDays, item.Category, out var days) ? days : defaultDays;
    }

    /// <summary>Days after delivery for the whole order: the longest of its items (see remarks).</summary>
    public static int DaysFor(IReadOnlyList<OrderItem> items, ReviewPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Count == 0 ? policy.DefaultDays : items.Max(i => DaysFor(i, policy));
    }

    /// <summary>Days after delivery of the survey for the whole order: the longest of its items, like the review request.</summary>
    public static int SurveyDaysFor(IReadOnlyList<OrderItem> items, CsatPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(policy);
        return items.Count == 0 ? policy.DaysAfterDelivery : items.Max(i => DaysFor(i, policy.SkuDays, policy.CategoryDays, policy.DaysAfterDelivery));
    }

    /// <summary>The SKUs a review request asks about: every distinct SKU, in order-line order.</summary>
    public static IReadOnlyList<string> SkusAsked(IReadOnlyList<OrderItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Select(i => i.Sku).Distinct(StringComparer.Ordinal).ToList();
    }
}
