using PostPurchase.Core.Growth;
using PostPurchase.Core.Policies;

namespace PostPurchase.Core.Timeline;

/// <summary>After delivery: the delivery fallback, the CSAT survey, the review request and its reminder.</summary>
/// <remarks>
/// The survey goes its delay (per SKU, category or <c>Csat.DaysAfterDelivery</c>; an order's longest) local days after delivery at the review hour; the review request
/// goes the item's (longest) review delay after delivery at that hour, and at least one day after the survey.
/// No answer to the survey does not hold the review back; a low score stops it.
/// </remarks>
internal static class FollowUpRules
{
    public static void Run(DecisionContext ctx)
    {
        if (FallbackAt(ctx) is { } fallback && fallback <= ctx.Now)
        {
            ctx.State = ctx.State with { DeliveredAt = fallback };
        }
        PlanFeedback(ctx);
    }

    /// <summary>Plans the reminder once a review request went out (when reminders are on).</summary>
    public static void PlanReminder(DecisionContext ctx)
    {
        if (ctx.Policy.Review.ReminderAfterDays is not { } days || ctx.HasIntent(Intent.ReviewReminder) || ctx.State.ReviewLinkUsed)
        {
            return;
        }
        var sent = ctx.Messages
            .Where(m => m.Intent == Intent.ReviewRequest && m.Status is MessageStatus.Pending or MessageStatus.Sent or MessageStatus.Delivered)
            .OrderBy(m => m.ScheduledFor)
            .FirstOrDefault();
        if (sent is null)
        {
            return;
        }
        var at = LocalTimes.DaysLaterAtHour(sent.ScheduledFor, Math.Max(days, 1), ctx.Policy.Review.LocalHour, ctx.Zone);
        MessagePlanner.Plan(ctx, Intent.ReviewReminder, at, sent.Facts);
    }

    public static IEnumerable<DateTimeOffset> Deadlines(DecisionContext ctx)
    {
        if (FallbackAt(ctx) is { } fallback)
        {
            yield return fallback;
        }
    }

    /// <summary>
    /// No delivered scan by deliver-by plus the grace days: treat the order as delivered then, provided it
    /// shipped (or the shop does not register parcels at all) and no parcel is in trouble.
    /// </summary>
    private static DateTimeOffset? FallbackAt(DecisionContext ctx)
    {
        var state = ctx.State;
        if (state.DeliveredAt is not null || !OrderProgress.IsOpen(state.Status) || Suppression.IssueOpen(state)
            || (state.Parcels.Count > 0 && !state.Parcels.Any(p => p.FirstScanAt is not null)))
        {
            return null;
        }
        return state.Order.Promise.DeliverBy.AddDays(ctx.Policy.Review.MissingDeliveryGraceDays);
    }

    private static void PlanFeedback(DecisionContext ctx)
    {
        var state = ctx.State;
        if (state.DeliveredAt is not { } deliveredAt || !OrderProgress.IsOpen(state.Status)
            || ctx.HasIntent(Intent.CsatSurvey) || ctx.HasIntent(Intent.ReviewRequest))
        {
            return;
        }
        var policy = ctx.Policy;
        var hour = policy.Review.LocalHour;
        // An A/B test of the timing replaces the usual days (per SKU, category or the default; an order's longest) for the order's arm.
        var csatDays = policy.Csat.Enabled && state.CsatScore is null ? ExperimentRules.DelayDays(ctx, Intent.CsatSurvey) : null;
        var csatAt = LocalTimes.DaysLaterAtHour(deliveredAt, csatDays ?? ReviewTiming.SurveyDaysFor(state.Order.Items, policy.Csat), hour, ctx.Zone);
        if (policy.Csat.Enabled && state.CsatScore is null)
        {
            MessagePlanner.Plan(ctx, Intent.CsatSurvey, csatAt);
        }
        if (!policy.Review.Enabled)
        {
            return;
        }
        var items = state.Order.Items;
        var reviewDays = ExperimentRules.DelayDays(ctx, Intent.ReviewRequest) ?? ReviewTiming.DaysFor(items, policy.Review);
        var reviewAt = LocalTimes.DaysLaterAtHour(deliveredAt, reviewDays, hour, ctx.Zone);
        if (policy.Csat.Enabled && reviewAt < csatAt.AddDays(1))
        {
            reviewAt = LocalTimes.DaysLaterAtHour(csatAt, 1, hour, ctx.Zone);
        }
        var facts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["skus"] = string.Join(',', ReviewTiming.SkusAsked(items)),
        };
        MessagePlanner.Plan(ctx, Intent.ReviewRequest, reviewAt, facts);
    }
}
