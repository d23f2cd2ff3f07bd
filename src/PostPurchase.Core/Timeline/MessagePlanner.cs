using System.Globalization;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Tracking;

namespace PostPurchase.Core.Timeline;

/// <summary>Turns an intent into one message per channel, and lets due messages out under quiet hours and the daily cap.</summary>
internal static class MessagePlanner
{
    /// <summary>Plans <paramref name="intent"/> on every channel it goes by, not before <paramref name="notBefore"/>; channels already used are left alone.</summary>
    public static void Plan(DecisionContext ctx, Intent intent, DateTimeOffset notBefore, IReadOnlyDictionary<string, string>? facts = null, string? parcelKey = null)
    {
        foreach (var channel in ChannelsFor(ctx.Policy, intent))
        {
            var key = MessageKey.For(ctx.OrderId, intent, channel, parcelKey);
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
            if (Suppression.ReasonFor(ctx, message) is { } reason)
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
            ctx.Put(message with { Status = MessageStatus.Suppressed, Reason = reason });
            return;
        }
        if (Allowed(ctx, message.Channel, ctx.Now) is var allowed && allowed > ctx.Now)
        {
            // Released late (a runtime that woke late, or a moment computed from an event that arrived late): still no texts at night.
            ctx.Put(message with { Status = MessageStatus.Scheduled, ScheduledFor = allowed });
            return;
        }
        if (!message.Essential && SentToday(ctx, message.Channel) >= ctx.Policy.FatigueCapPerDay)
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
        ctx.Put(message with { Status = MessageStatus.Pending });
    }

    /// <summary>Time formatted the way every fact carries it (ISO 8601 round-trip).</summary>
    public static string Iso(DateTimeOffset value) => value.ToString("o", CultureInfo.InvariantCulture);

    private static IEnumerable<Channel> ChannelsFor(TimelinePolicy policy, Intent intent)
    {
        yield return Channel.Email;
        if (policy.TextIntents.Contains(intent))
        {
            yield return Channel.Sms;
            yield return Channel.WhatsApp;
        }
    }

    private static DateTimeOffset Allowed(DecisionContext ctx, Channel channel, DateTimeOffset at) =>
        channel == Channel.Email ? at : QuietHours.NextAllowed(at, ctx.Zone, ctx.QuietRule, ctx.Country);

    private static int SentToday(DecisionContext ctx, Channel channel)
    {
        var today = LocalTimes.LocalDay(ctx.Now, ctx.Zone);
        return ctx.Messages.Count(m => m.Channel == channel && !m.Essential
            && m.Status is MessageStatus.Pending or MessageStatus.Sent or MessageStatus.Delivered or MessageStatus.Failed
            && LocalTimes.LocalDay(m.ScheduledFor, ctx.Zone) == today);
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
