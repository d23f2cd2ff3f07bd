using PostPurchase.Core.Timeline;

namespace PostPurchase.Core.Growth;

/// <summary>The rolling 7 days the weekly marketing cap counts in; shared by the decider and the buyer ledger so both judge alike.</summary>
public static class CapWindow
{
    /// <summary>The window's length.</summary>
    public static readonly TimeSpan Length = TimeSpan.FromDays(7);

    /// <summary>Times of the marketing updates other than <paramref name="update"/> since now - 7 days, one per update (its earliest), oldest first.</summary>
    /// <remarks>
    /// A reservation stamped after <paramref name="now"/> counts too: another order of the buyer reserved it on its own clock (an
    /// orchestration's time is when its episode began), and leaving it out would let both orders through the cap.
    /// </remarks>
    public static List<DateTimeOffset> Others(IEnumerable<MarketingSend> sends, string update, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sends);
        var since = now - Length;
        return sends
            .Where(s => s.Update != update && s.At > since)
            .GroupBy(s => s.Update, StringComparer.Ordinal)
            .Select(g => g.Min(s => s.At))
            .Order()
            .ToList();
    }

    /// <summary>When one more update fits under <paramref name="cap"/>, given the others (oldest first); at or before now when it fits now.</summary>
    public static DateTimeOffset FreesAt(IReadOnlyList<DateTimeOffset> others, int cap, DateTimeOffset now) =>
        others.Count < cap ? now : others[others.Count - Math.Max(cap, 0)] + Length;

    /// <summary>True for intents the weekly cap counts: everything that is not transactional.</summary>
    public static bool Counts(MessagePurpose purpose) => purpose != MessagePurpose.Transactional;
}
