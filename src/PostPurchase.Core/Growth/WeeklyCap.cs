using System.Globalization;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Core.Growth;

/// <summary>
/// At most <see cref="GrowthPolicy.WeeklyMarketingCap"/> marketing updates per buyer in any 7 days, across all their orders:
/// a message over the cap waits until a slot frees (at the growth hour), at most <see cref="GrowthPolicy.CapWaitDays"/>.
/// Transactional messages are never counted nor held.
/// </summary>
internal static class WeeklyCap
{
    /// <summary>Fact holding when the cap first held the message back.</summary>
    public const string HeldSinceFact = "heldSince";

    /// <summary>True when the cap took the message (deferred or, after waiting too long, suppressed).</summary>
    public static bool Holds(DecisionContext ctx, TimelineMessage message)
    {
        if (!CapWindow.Counts(message.Purpose) || MessageKey.IsResend(message.Key))
        {
            return false;
        }
        var growth = ctx.Policy.Growth;
        var others = CapWindow.Others(Sends(ctx), MessageKey.UpdateOf(message.Key), ctx.Now);
        var frees = CapWindow.FreesAt(others, growth.WeeklyMarketingCap, ctx.Now);
        if (frees <= ctx.Now)
        {
            return false;
        }
        var facts = new Dictionary<string, string>(message.Facts ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        var heldSince = facts.TryGetValue(HeldSinceFact, out var held) && DateTimeOffset.TryParse(held, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var since)
            ? since
            : ctx.Now;
        if (frees > heldSince.AddDays(growth.CapWaitDays))
        {
            ctx.Put(message with { Status = MessageStatus.Suppressed, Reason = SuppressionReason.WeeklyCap });
            return true;
        }
        facts[HeldSinceFact] = MessagePlanner.Iso(heldSince);
        var at = MessagePlanner.Allowed(ctx, message.Channel, LocalTimes.DaysLaterAtHour(frees.AddTicks(-1), 0, growth.LocalHour, ctx.Zone));
        ctx.Put(message with { Status = MessageStatus.Scheduled, ScheduledFor = at, Facts = facts });
        return true;
    }

    /// <summary>The buyer's marketing updates this decision knows of: this order's own released ones and the ledger's.</summary>
    public static IEnumerable<MarketingSend> Sends(DecisionContext ctx)
    {
        var own = ctx.Messages
            .Where(m => CapWindow.Counts(m.Purpose) && !MessageKey.IsResend(m.Key) && MessagePlanner.IsReleased(m))
            .Select(m => new MarketingSend(MessageKey.UpdateOf(m.Key), m.Intent, m.ScheduledFor));
        return own.Concat(ctx.State.Buyer?.Activity.RecentMarketing ?? []);
    }
}
