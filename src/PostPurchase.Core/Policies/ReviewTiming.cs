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
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.SkuDays.TryGetValue(item.Sku, out var skuDays))
        {
            return skuDays;
        }
        // Shops send paths like "Beauty > Skincare" or "Home & Garden": the most specific known word wins.
        return CategoryLookup.TryFind(policy.CategoryDays, item.Category, out var days) ? days : policy.DefaultDays;
    }

    /// <summary>Days after delivery for the whole order: the longest of its items (see remarks).</summary>
    public static int DaysFor(IReadOnlyList<OrderItem> items, ReviewPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Count == 0 ? policy.DefaultDays : items.Max(i => DaysFor(i, policy));
    }

    /// <summary>The SKUs a review request asks about: every distinct SKU, in order-line order.</summary>
    public static IReadOnlyList<string> SkusAsked(IReadOnlyList<OrderItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Select(i => i.Sku).Distinct(StringComparer.Ordinal).ToList();
    }
}
