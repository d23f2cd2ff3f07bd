using PostPurchase.Core.Timeline;

namespace PostPurchase.Core.Growth;

/// <summary>
/// The buyer's marketing across orders, as runtimes keep it: a decision that releases marketing first reserves it here (the same
/// cap rule as the decider), then the runtime decides again with the fresh <see cref="BuyerActivity"/>. Reservations are keyed by
/// update, so a retried decision finds its own; one that is never sent only makes the cap stricter, never looser.
/// </summary>
public static class MarketingLedger
{
    /// <summary>How long a send stays in the activity: the cap window (win-backs are kept apart, for their longer period).</summary>
    public static readonly TimeSpan Keep = CapWindow.Length;

    /// <summary>The marketing updates a decision hands out now (pending, not resends), one per update.</summary>
    public static IReadOnlyList<MarketingSend> Wanted(Decision decision, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return decision.Messages
            .Where(m => m.Status == MessageStatus.Pending && CapWindow.Counts(m.Purpose) && !MessageKey.IsResend(m.Key))
            .Select(m => new MarketingSend(MessageKey.UpdateOf(m.Key), m.Intent, now))
            .DistinctBy(s => s.Update, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Records each wanted send the cap (and the win-back period) allows, in order; returns the new activity.</summary>
    public static BuyerActivity Reserve(BuyerActivity activity, IReadOnlyList<MarketingSend> wanted, DateTimeOffset now, GrowthPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(policy);
        var sends = activity.RecentMarketing.Where(s => s.At > now - Keep).ToList();
        var lastWinBack = activity.LastWinBack;
        foreach (var send in wanted)
        {
            if (sends.Any(s => s.Update == send.Update))
            {
                continue; // reserved before (a retry of the same decision)
            }
            if (CapWindow.Others(sends, send.Update, now).Count >= policy.WeeklyMarketingCap)
            {
                continue;
            }
            if (send.Intent == Intent.WinBack)
            {
                if (WithinPeriod(lastWinBack, send.Update, now, policy.WinBack))
                {
                    continue;
                }
                lastWinBack = send;
            }
            sends.Add(send);
        }
        return activity with { RecentMarketing = sends, LastWinBack = lastWinBack };
    }

    /// <summary>True when another update than <paramref name="update"/> was a win-back within the win-back period before now.</summary>
    public static bool WithinPeriod(MarketingSend? lastWinBack, string update, DateTimeOffset now, WinBackPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return lastWinBack is not null && lastWinBack.Update != update && now - lastWinBack.At < TimeSpan.FromDays(policy.OncePerDays);
    }
}
