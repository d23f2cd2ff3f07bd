using System.Globalization;
using PostPurchase.Core.Growth;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Tracking;

namespace PostPurchase.Core.Timeline;

/// <summary>Turns an intent into one message per channel, and lets due messages out under quiet hours, the daily and the weekly cap.</summary>
internal static class MessagePlanner
{
    /// <summary>Plans <paramref name="intent"/> on every channel it goes by, not before <paramref name="notBefore"/>; channels already used are left alone.</summary>
    /// <param name="subject">Tells apart several messages of one intent that are not about a parcel (a replenishment reminder per SKU).</param>
    public static void Plan(DecisionContext ctx, Intent intent, DateTimeOffset notBefore, IReadOnlyDictionary<string, string>? facts = null, string? parcelKey = null, string? subject = null)
    {
        facts = ExperimentRules.Decorate(ctx, intent, facts);
        foreach (var channel in ChannelsFor(ctx.Policy, intent))
        {
            var key = MessageKey.For(ctx.OrderId, intent, channel, parcelKey ?? subject);
            if (ctx.Has(key))
            {
                continue;
            }
            var customer = ctx.State.Order.Customer;
            var message = new TimelineMessage(
                key, intent, channel,
                channel == Channel.Email ? customer.Email : customer.Phone,
                customer.Locale,
                MessageRules.PurposeOf(intent),
                MessageRules.IsEssential(intent),
                MessageStatus.Scheduled,
                ctx.Now,
                Allowed(ctx, channel, notBefore > ctx.Now ? notBefore : ctx.Now),
                ParcelKey: parcelKey,
                Facts: facts ?? new Dictionary<string, string>());
            if (Suppression.ReasonFor(ctx, message) is { } reason && reason != SuppressionReason.IssueOpen)
            {
                ctx.Put(message with { Status = MessageStatus.Suppressed, Reason = reason });
            }
            else if (message.ScheduledFor <= ctx.Now)
            {
                Release(ctx, message);
            }
            else
            {
                ctx.Put(message);
            }
        }
    }

    /// <summary>Lets a due message out: pending now, suppressed, or moved to the next day by the daily cap.</summary>
    public static void Release(DecisionContext ctx, TimelineMessage message)
    {
        if (Suppression.ReasonFor(ctx, message) is { } reason)
        {
            if (reason == SuppressionReason.IssueOpen && WaitForIssue(ctx) is { } retry)
            {
                ctx.Put(message with { Status = MessageStatus.Scheduled, ScheduledFor = Allowed(ctx, message.Channel, retry) });
                return;
            }
            ctx.Put(message with { Status = MessageStatus.Suppressed, Reason = reason });
            return;
        }
        if (Allowed(ctx, message.Channel, ctx.Now) is var allowed && allowed > ctx.Now)
        {
            // Released late (a runtime that woke late, or a moment computed from an event that arrived late): still no texts at night.
            ctx.Put(message with { Status = MessageStatus.Scheduled, ScheduledFor = allowed });
            return;
        }
        // A resend is the merchant's explicit request: never held back by a cap.
        if (!message.Essential && !MessageKey.IsResend(message.Key) && SentToday(ctx, message) >= ctx.Policy.FatigueCapPerDay)
        {
            if (MomentPassed(ctx, message))
            {
                ctx.Put(message with { Status = MessageStatus.Suppressed, Reason = SuppressionReason.FatigueCap });
                return;
            }
            var tomorrow = LocalTimes.LocalDay(ctx.Now, ctx.Zone).PlusDays(1).At(new NodaTime.LocalTime(ctx.QuietRule.EarliestHour, 0));
            ctx.Put(message with { Status = MessageStatus.Scheduled, ScheduledFor = Allowed(ctx, message.Channel, LocalTimes.FromLocal(tomorrow, ctx.Zone)) });
            return;
        }
        if (WeeklyCap.Holds(ctx, message))
        {
            return;
        }
        ctx.Put(GrowthRules.Finalize(ctx, message) with { Status = MessageStatus.Pending });
    }

    /// <summary>
    /// A survey or review waits while a parcel is in trouble: it is tried again the next day at the review
    /// hour, until the return window closes; null once waiting longer would pass that point.
    /// </summary>
    private static DateTimeOffset? WaitForIssue(DecisionContext ctx)
    {
        var retry = LocalTimes.DaysLaterAtHour(ctx.Now, 1, ctx.Policy.Review.LocalHour, ctx.Zone);
        var closes = (ctx.State.DeliveredAt ?? ctx.Now) + TimeSpan.FromDays(ctx.Policy.ReturnWindowDays);
        return retry < closes ? retry : null;
    }

    /// <summary>Time formatted the way every fact carries it (ISO 8601 round-trip).</summary>
    public static string Iso(DateTimeOffset value) => value.ToString("o", CultureInfo.InvariantCulture);

    /// <summary>Email for every intent, texts for the text intents, less the channels the merchant switched off.</summary>
    private static IEnumerable<Channel> ChannelsFor(TimelinePolicy policy, Intent intent)
    {
        Channel[] channels = policy.TextIntents.Contains(intent) ? [Channel.Email, Channel.Sms, Channel.WhatsApp] : [Channel.Email];
        return channels.Where(c => !policy.ChannelsOff.Contains(new ChannelSwitch(intent, c)));
    }

    /// <summary>The first moment at or after <paramref name="at"/> the channel may be used (quiet hours for texts).</summary>
    public static DateTimeOffset Allowed(DecisionContext ctx, Channel channel, DateTimeOffset at) =>
        channel == Channel.Email ? at : QuietHours.NextAllowed(at, ctx.Zone, ctx.QuietRule, ctx.Country);

    /// <summary>True for messages that went (or are going) out: what caps count.</summary>
    public static bool IsReleased(TimelineMessage m) => m.Status is MessageStatus.Pending or MessageStatus.Sent or MessageStatus.Delivered or MessageStatus.Failed;

    /// <summary>
    /// Non-essential updates the buyer already got today (local day), counted once whatever the number of channels they
    /// went by; the other channels of the same update never count against it, nor do resends. A transactional update
    /// counts only transactional ones, so marketing never holds back news about the order.
    /// </summary>
    private static int SentToday(DecisionContext ctx, TimelineMessage message)
    {
        var today = LocalTimes.LocalDay(ctx.Now, ctx.Zone);
        var update = MessageKey.UpdateOf(message.Key);
        var transactional = message.Purpose == MessagePurpose.Transactional;
        return ctx.Messages
            .Where(m => !m.Essential && !MessageKey.IsResend(m.Key) && IsReleased(m)
                && (!transactional || m.Purpose == MessagePurpose.Transactional)
                && MessageKey.UpdateOf(m.Key) != update
                && LocalTimes.LocalDay(m.ScheduledFor, ctx.Zone) == today)
            .Select(m => MessageKey.UpdateOf(m.Key))
            .Distinct(StringComparer.Ordinal)
            .Count();
    }

    /// <summary>Out-for-delivery is news for one day only; other parcel news is stale once the parcel has moved on.</summary>
    private static bool MomentPassed(DecisionContext ctx, TimelineMessage message)
    {
        if (message.Intent == Intent.OutForDelivery)
        {
            return true;
        }
        if (message.ParcelKey is null)
        {
            return false;
        }
        var parcel = ctx.State.Parcels.FirstOrDefault(p => p.Key == message.ParcelKey);
        return parcel is not null && TrackingRules.IntentFor(parcel.Status) != message.Intent
            && !(message.Intent == Intent.Shipped && parcel.Status == TrackingStatus.InTransit);
    }
}
