using System.Globalization;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Core.Growth;

/// <summary>One reminder per item with a usage period, when what was bought runs out: delivery + days per unit x quantity, at the growth hour.</summary>
internal static class ReplenishmentRules
{
    /// <summary>Link name of the reorder call to action.</summary>
    public const string ReorderLink = "cta";

    public static void Plan(DecisionContext ctx)
    {
        var state = ctx.State;
        if (state.Buyer is null || state.DeliveredAt is not { } delivered || !OrderProgress.IsOpen(state.Status))
        {
            return;
        }
        var policy = ctx.Policy.Growth;
        if (policy.Replenishment.SkuDays.Count == 0 && policy.Replenishment.CategoryDays.Count == 0)
        {
            return;
        }
        foreach (var group in state.Order.Items.GroupBy(i => i.Sku, StringComparer.Ordinal))
        {
            var item = group.First();
            var quantity = group.Sum(i => i.Quantity);
            if (UsageDays(item, policy.Replenishment) is not { } perUnit || Planned(ctx, item.Sku))
            {
                continue;
            }
            var days = ExperimentRules.DelayDays(ctx, Intent.ReplenishmentReminder) ?? perUnit * quantity;
            var facts = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["skus"] = item.Sku,
                ["quantity"] = quantity.ToString(CultureInfo.InvariantCulture),
                ["days"] = days.ToString(CultureInfo.InvariantCulture),
            };
            if (ReorderLinks.For(item, quantity, policy.Replenishment.Reorder) is { } url)
            {
                facts["reorderUrl"] = url;
            }
            var at = LocalTimes.DaysLaterAtHour(delivered, days, policy.LocalHour, ctx.Zone);
            MessagePlanner.Plan(ctx, Intent.ReplenishmentReminder, at, facts, subject: SubjectOf(item.Sku));
        }
    }

    /// <summary>Days one unit lasts: the SKU's, else its category's; null when the merchant listed neither.</summary>
    public static int? UsageDays(OrderItem item, ReplenishmentPolicy policy) =>
        Lookup.TryGet(policy.SkuDays, item.Sku, out var days) || CategoryLookup.TryFind(policy.CategoryDays, item.Category, out days)
            ? days
            : null;

    /// <summary>The key part of a SKU's reminder (keys split on ':').</summary>
    public static string SubjectOf(string sku) => sku.Replace(':', '_');

    /// <summary>The SKU a reminder is about.</summary>
    public static string? SkuOf(TimelineMessage message) =>
        message.Facts is not null && message.Facts.TryGetValue("skus", out var sku) ? sku : null;

    private static bool Planned(DecisionContext ctx, string sku) =>
        ctx.Messages.Any(m => m.Intent == Intent.ReplenishmentReminder && SkuOf(m) == sku);
}
