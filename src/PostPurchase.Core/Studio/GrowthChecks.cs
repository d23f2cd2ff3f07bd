using PostPurchase.Core.Growth;
using PostPurchase.Core.Messages;

namespace PostPurchase.Core.Studio;

/// <summary>The studio's checks of repeat purchase: the values its flows page edits with their own messages, the rest as the hosts check it at start.</summary>
internal static class GrowthChecks
{
    /// <summary>Usage periods, win-back, the weekly cap and the growth hour.</summary>
    public static void Timings(GrowthPolicy g, List<SettingsError> errors)
    {
        const string At = "policy.growth";
        PerName(g.Replenishment.SkuDays, $"{At}.replenishment.skuDays", "SKU", "How long SKU {0} lasts", errors);
        PerName(g.Replenishment.CategoryDays, $"{At}.replenishment.categoryDays", "category", "How long {0} lasts", errors);
        PerName(g.WinBack.CategoryDays, $"{At}.winBack.categoryDays", "category", "The win-back wait for {0}", errors);
        if (g.WinBack.DefaultDays is { } days)
            StudioValidator.Days(days, $"{At}.winBack.defaultDays", "The win-back wait", 1, errors);
        StudioValidator.Days(g.WinBack.OncePerDays, $"{At}.winBack.oncePerDays", "The time between two win-backs of a buyer", 1, errors);
        if (g.WeeklyMarketingCap is < 1 or > 20)
            errors.Add(new($"{At}.weeklyMarketingCap", $"The weekly cap is 1 to 20 marketing messages per buyer (was {g.WeeklyMarketingCap})."));
        StudioValidator.Days(g.CapWaitDays, $"{At}.capWaitDays", "How long a message held back by the weekly cap waits", 0, errors);
        StudioValidator.Days(g.AttributionWindowDays, $"{At}.attributionWindowDays", "The attribution window", 1, errors);
        StudioValidator.Hour(g.LocalHour, $"{At}.localHour", errors);
    }

    /// <summary>Reorder links, recommendations, referrals and A/B tests (their arm strings rendered with <paramref name="composer"/>).</summary>
    public static void Rest(GrowthPolicy g, MessageComposer composer, List<SettingsError> errors)
    {
        foreach (var problem in GrowthPolicyCheck.Problems(g, composer))
            errors.Add(new("policy.growth", problem.Replace("PostPurchase:Policy:Growth", "Growth", StringComparison.Ordinal)));
    }

    private static void PerName(IReadOnlyDictionary<string, int> table, string path, string what, string sentence, List<SettingsError> errors)
    {
        foreach (var (name, days) in table)
        {
            StudioValidator.Name(name, path, what, errors);
            StudioValidator.Days(days, $"{path}.{name}", string.Format(System.Globalization.CultureInfo.InvariantCulture, sentence, name), 1, errors);
        }
    }
}
