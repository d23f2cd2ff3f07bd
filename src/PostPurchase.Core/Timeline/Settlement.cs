using PostPurchase.Core.Growth;

namespace PostPurchase.Core.Timeline;

/// <summary>Brings the timeline up to <c>now</c>: raises what is due, lets due messages out, sets the next wake-up and completion.</summary>
internal static class Settlement
{
    public static void Run(DecisionContext ctx)
    {
        DelayRules.CheckTime(ctx);
        FollowUpRules.Run(ctx);
        GrowthRules.Run(ctx);
        foreach (var message in Scheduled(ctx).ToList())
        {
            // An open issue is looked at again when the message is due: it may be settled by then.
            if (Suppression.ReasonFor(ctx, message) is { } reason && reason != SuppressionReason.IssueOpen)
            {
                ctx.Put(message with { Status = MessageStatus.Suppressed, Reason = reason });
            }
        }
        foreach (var message in Scheduled(ctx).Where(m => m.ScheduledFor <= ctx.Now).OrderBy(m => m.ScheduledFor).ThenBy(m => m.Key, StringComparer.Ordinal).ToList())
        {
            MessagePlanner.Release(ctx, message);
        }
        FollowUpRules.PlanReminder(ctx);
        Finish(ctx);
    }

    /// <summary>Sets <see cref="TimelineState.Completed"/> and <see cref="TimelineState.NextWakeAt"/> (always after now, or null).</summary>
    public static void Finish(DecisionContext ctx)
    {
        var state = ctx.State;
        var scheduled = Scheduled(ctx).Select(m => m.ScheduledFor).ToList();
        var closesAt = ClosesAt(ctx);
        var completed = scheduled.Count == 0 && closesAt is { } close && close <= ctx.Now;
        DateTimeOffset? wake = null;
        if (!completed)
        {
            var candidates = scheduled.Concat(DelayRules.Deadlines(ctx)).Concat(FollowUpRules.Deadlines(ctx));
            if (closesAt is { } c)
            {
                candidates = candidates.Append(c);
            }
            wake = candidates.Where(t => t > ctx.Now).Order().Cast<DateTimeOffset?>().FirstOrDefault();
        }
        ctx.State = state with { Completed = completed, NextWakeAt = wake };
    }

    private static IEnumerable<TimelineMessage> Scheduled(DecisionContext ctx) => ctx.Messages.Where(m => m.Status == MessageStatus.Scheduled);

    /// <summary>
    /// When nothing more can happen: at once for cancelled, returned or refunded orders; when the return window
    /// ends for delivered ones (a return may still come until then) and for an open return that was never refunded;
    /// for a delivered order that sent marketing, not before the attribution window after it (reorders and clicks still count).
    /// </summary>
    private static DateTimeOffset? ClosesAt(DecisionContext ctx)
    {
        var state = ctx.State;
        var window = TimeSpan.FromDays(ctx.Policy.ReturnWindowDays);
        return state.Status switch
        {
            OrderStatus.Cancelled or OrderStatus.Returned or OrderStatus.Refunded => DateTimeOffset.MinValue,
            OrderStatus.ReturnRequested => ctx.Messages.Where(m => m.Intent == Intent.ReturnInstructions).Select(m => (DateTimeOffset?)m.DecidedAt).Min() + window,
            _ when state.DeliveredAt + window is { } close && GrowthRules.MeasureUntil(ctx) is { } measure => measure > close ? measure : close,
            _ => state.DeliveredAt + window,
        };
    }
}
