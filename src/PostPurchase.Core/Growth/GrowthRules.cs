using PostPurchase.Core.Timeline;

namespace PostPurchase.Core.Growth;

/// <summary>After the review: plans replenishment, win-back and referral, records reorders and clicks, and keeps measuring a while.</summary>
internal static class GrowthRules
{
    /// <summary>Clicks kept per order (the latest); enough for any report, bounded for the state's size.</summary>
    public const int MaxClicks = 200;

    /// <summary>Longest link name accepted in a click.</summary>
    public const int MaxLinkLength = 120;

    public static void Run(DecisionContext ctx)
    {
        ReplenishmentRules.Plan(ctx);
        WinBackRules.Plan(ctx);
        ReferralRules.Plan(ctx);
    }

    /// <summary>Why a promotion may not go out now, beyond consent: a low score, a return, a reorder, a win-back too soon.</summary>
    public static SuppressionReason? PromotionReason(DecisionContext ctx, TimelineMessage message)
    {
        var state = ctx.State;
        if (Suppression.IsLowScore(ctx))
        {
            return SuppressionReason.LowCsat;
        }
        var returning = state.Status == OrderStatus.ReturnRequested;
        switch (message.Intent)
        {
            case Intent.ReplenishmentReminder:
                var sku = ReplenishmentRules.SkuOf(message);
                if (returning && ReturnedSkus(ctx).Contains(sku ?? "", StringComparer.Ordinal))
                {
                    return SuppressionReason.Returned;
                }
                return Reorders(ctx).Any(r => r.Skus.Contains(sku ?? "", StringComparer.OrdinalIgnoreCase)) ? SuppressionReason.Reordered : null;
            case Intent.WinBack:
                if (returning)
                {
                    return SuppressionReason.Returned;
                }
                if (Reorders(ctx).Any())
                {
                    return SuppressionReason.Reordered;
                }
                return MarketingLedger.WithinPeriod(state.Buyer?.Activity.LastWinBack, MessageKey.UpdateOf(message.Key), ctx.Now, ctx.Policy.Growth.WinBack)
                    ? SuppressionReason.OncePerPeriod
                    : null;
            default:
                return returning ? SuppressionReason.Returned : null;
        }
    }

    /// <summary>The message as it goes out: a referral gets the buyer's code now (a pool code may have been claimed meanwhile).</summary>
    public static TimelineMessage Finalize(DecisionContext ctx, TimelineMessage message) =>
        message.Intent == Intent.ReferralInvite ? ReferralRules.WithCode(ctx, message) : message;

    public static bool RecordReorder(DecisionContext ctx, BuyerOrdered input)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(input.OrderId);
        ArgumentNullException.ThrowIfNull(input.Skus);
        ArgumentException.ThrowIfNullOrWhiteSpace(input.Currency);
        var state = ctx.State;
        // Only a later order is a reorder; the same one told twice changes nothing.
        if (input.OrderId == ctx.OrderId || input.PlacedAt < state.Order.PlacedAt || state.Reorders.Any(r => r.OrderId == input.OrderId))
        {
            return false;
        }
        var reorder = new Reorder(input.OrderId, input.PlacedAt, input.Skus.ToList(), input.Total, input.Currency, input.AttributedTo?.OrderId == ctx.OrderId);
        ctx.State = state with { Reorders = [.. state.Reorders, reorder] };
        return true;
    }

    public static bool RecordClick(DecisionContext ctx, LinkClicked input)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(input.Link);
        if (input.Link.Length > MaxLinkLength)
        {
            throw new ArgumentException($"A link name has at most {MaxLinkLength} characters.", nameof(input));
        }
        if (input.MessageKey is { } key && ctx.Find(key) is null)
        {
            throw new ArgumentException($"Order '{ctx.OrderId}' has no message '{key}'.", nameof(input));
        }
        var clicks = ctx.State.Clicks.Append(new LinkClick(input.MessageKey, input.Link, ctx.Now)).TakeLast(MaxClicks).ToList();
        ctx.State = ctx.State with { Clicks = clicks };
        return true;
    }

    /// <summary>
    /// How long the timeline stays open to see what marketing earned: the attribution window after the last promotion or tested
    /// message went out, and after the last click; null when there is nothing to measure.
    /// </summary>
    public static DateTimeOffset? MeasureUntil(DecisionContext ctx)
    {
        if (ctx.State.Buyer is null && ctx.State.Clicks.Count == 0 && ctx.State.Experiments.Count == 0)
        {
            return null; // an order without growth: nothing was measured
        }
        var window = TimeSpan.FromDays(ctx.Policy.Growth.AttributionWindowDays);
        var moments = ctx.Messages
            .Where(m => MessagePlanner.IsReleased(m) && (MessageRules.IsPromotion(m.Intent) || m.Facts?.ContainsKey(ExperimentRules.ExperimentFact) == true))
            .Select(m => m.ScheduledFor)
            .Concat(ctx.State.Clicks.Select(c => c.At))
            .ToList();
        return moments.Count == 0 ? null : moments.Max() + window;
    }

    private static IEnumerable<Reorder> Reorders(DecisionContext ctx) => ctx.State.Reorders.Where(r => r.PlacedAt >= ctx.State.Order.PlacedAt);

    private static IReadOnlyList<string> ReturnedSkus(DecisionContext ctx) => ctx.Messages
        .Where(m => m.Intent == Intent.ReturnInstructions && m.Facts is not null && m.Facts.ContainsKey("skus"))
        .SelectMany(m => m.Facts!["skus"].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        .ToList();
}
