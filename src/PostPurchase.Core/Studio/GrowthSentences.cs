using PostPurchase.Core.Growth;

namespace PostPurchase.Core.Studio;

/// <summary>What repeat purchase will do, in plain sentences beside the timings ("SERUM-30 lasts 60 days: a reminder 60 days after delivery ...").</summary>
public static class GrowthSentences
{
    /// <summary>Replenishment per SKU and category, win-back, referrals and the weekly marketing cap.</summary>
    public static IReadOnlyList<string> Describe(GrowthPolicy growth)
    {
        ArgumentNullException.ThrowIfNull(growth);
        var at = $"at {growth.LocalHour:00}:00 local time";
        var sentences = new List<string>();
        var usage = growth.Replenishment;
        foreach (var (sku, days) in usage.SkuDays.OrderBy(s => s.Key, StringComparer.Ordinal))
            sentences.Add($"SKU {sku} lasts {Days(days)}: a reorder reminder {Days(days)} after delivery {at}, times the quantity bought.");
        foreach (var group in usage.CategoryDays.GroupBy(c => c.Value).OrderByDescending(g => g.Key))
            sentences.Add($"{Capital(string.Join(", ", group.Select(c => c.Key).Order(StringComparer.Ordinal)))}: lasts {Days(group.Key)}, a reorder reminder {Days(group.Key)} after delivery {at}, times the quantity bought.");
        if (sentences.Count == 0)
            sentences.Add("No reorder reminders: no SKU or category has a usage period.");
        var winBack = growth.WinBack;
        if (winBack.CategoryDays.Count == 0 && winBack.DefaultDays is null)
            sentences.Add("No win-back message.");
        else
        {
            var listed = winBack.CategoryDays.GroupBy(c => c.Value).OrderBy(g => g.Key)
                .Select(g => $"{string.Join(", ", g.Select(c => c.Key).Order(StringComparer.Ordinal))} after {Days(g.Key)}");
            var rest = winBack.DefaultDays is { } d ? $"anything else after {Days(d)}" : "nothing for other products";
            sentences.Add($"Win-back when a buyer has not ordered again since delivery: {string.Join("; ", listed.Append(rest))} ({at}), at most once in {Days(winBack.OncePerDays)} per buyer.");
        }
        sentences.Add(growth.Referral.Enabled
            ? $"Referral invitation {at} after a happy survey score or a used review link."
            : "No referral invitations.");
        sentences.Add($"At most {growth.WeeklyMarketingCap} marketing {(growth.WeeklyMarketingCap == 1 ? "message" : "messages")} (surveys, reviews and promotions) per buyer in any 7 days across all their orders; one held back waits up to {Days(growth.CapWaitDays)}.");
        return sentences;
    }

    private static string Days(int days) => days == 1 ? "1 day" : $"{days} days";

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
