using System.Globalization;
using PostPurchase.Core.Policies;

namespace PostPurchase.Core.Studio;

/// <summary>What the timings will do, in plain sentences a merchant can check ("Skincare: survey 2 days after delivery at 10:00 local time, ...").</summary>
public static class TimingSentences
{
    /// <summary>One sentence per group of categories with the same delay, one per SKU, one for everything else, then delays, quiet hours, the cap and repeat purchase.</summary>
    public static IReadOnlyList<string> Describe(TimelinePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var (review, csat) = (policy.Review, policy.Csat);
        // A category or SKU may set the review delay, the survey delay or both; the other comes from the level below.
        var sentences = review.CategoryDays.Keys.Union(csat.CategoryDays.Keys, StringComparer.OrdinalIgnoreCase)
            .Select(c => (Name: c, Review: review.CategoryDays.GetValueOrDefault(c, review.DefaultDays), Survey: csat.CategoryDays.GetValueOrDefault(c, csat.DaysAfterDelivery)))
            .GroupBy(c => (c.Review, c.Survey))
            .OrderByDescending(g => g.Key.Review).ThenByDescending(g => g.Key.Survey)
            .Select(g => $"{Capital(string.Join(", ", g.Select(c => c.Name)))}: {FeedbackFor(g.Key.Review, g.Key.Survey, policy)}")
            .ToList();
        sentences.AddRange(review.SkuDays.Keys.Union(csat.SkuDays.Keys, StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)
            .Select(sku => $"SKU {sku}: {FeedbackFor(review.SkuDays.GetValueOrDefault(sku, review.DefaultDays), csat.SkuDays.GetValueOrDefault(sku, csat.DaysAfterDelivery), policy)}"));
        sentences.Add($"Anything else: {FeedbackFor(review.DefaultDays, csat.DaysAfterDelivery, policy)}");
        sentences.Add("An order with several kinds of product gets one request, timed for the item that takes longest to judge.");
        sentences.AddRange(Delays(policy.Delays));
        sentences.AddRange(Quiet(policy.QuietHours));
        sentences.Add($"At most {policy.FatigueCapPerDay} non-essential {Plural(policy.FatigueCapPerDay, "message")} per buyer per day; confirmations, delivery problems, delays, cancellations and returns always go.");
        sentences.Add($"Buyers may start a return up to {policy.ReturnWindowDays} {Plural(policy.ReturnWindowDays, "day")} after delivery.");
        sentences.AddRange(GrowthSentences.Describe(policy.Growth));
        return sentences;
    }

    /// <summary>The survey and review sentence for a product whose review delay is <paramref name="reviewDays"/> days (survey: the default delay).</summary>
    public static string FeedbackFor(int reviewDays, TimelinePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return FeedbackFor(reviewDays, policy.Csat.DaysAfterDelivery, policy);
    }

    /// <summary>The survey and review sentence for a product with these review and survey delays.</summary>
    public static string FeedbackFor(int reviewDays, int surveyDays, TimelinePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var (review, csat) = (policy.Review, policy.Csat);
        var at = $"{review.LocalHour:00}:00 local time";
        var reminder = review.ReminderAfterDays is { } r ? $", and one reminder {Days(r)} later if the link was not used" : "";
        if (!csat.Enabled)
        {
            return review.Enabled
                ? $"review request {Days(reviewDays)} after delivery at {at}{reminder}."
                : "no survey and no review request.";
        }
        var survey = $"survey {Days(surveyDays)} after delivery at {at}";
        if (!review.Enabled)
            return survey + ", no review request.";
        // The decider never asks for a review before the day after the survey.
        var after = Math.Max(reviewDays - surveyDays, 1);
        var good = csat.LowScoreAtMost == 4 ? "5" : csat.LowScoreAtMost == 3 ? "4 or 5" : $"{csat.LowScoreAtMost + 1} to 5";
        var moved = reviewDays <= surveyDays ? $" (not {Days(reviewDays)} after delivery: a review request waits for the day after the survey)" : "";
        return $"{survey}, review request {Days(after)} later{moved} if the score is {good} or the survey is not answered{reminder}.";
    }

    private static IEnumerable<string> Delays(DelayPolicy d)
    {
        yield return $"Delay alerts: not shipped {Grace(d.NotShippedGraceHours)}the promised ship date; the carrier's estimate {Hours(d.EstimateSlipMarginHours)} or more past the promised delivery date; no carrier scan for {Days(d.NoScanDays)}; not delivered {Grace(d.OverdueGraceHours)}the promised delivery date. Each cause is told once.";
    }

    private static IEnumerable<string> Quiet(QuietHoursPolicy q)
    {
        yield return $"Texts (SMS, WhatsApp) go between {Window(q.Default)} in the buyer's time zone{Days(q.Default)}; at night they wait for the morning.";
        foreach (var (country, rule) in q.Countries.Where(c => c.Value != q.Default).OrderBy(c => c.Key, StringComparer.Ordinal))
            yield return $"{country.ToUpperInvariant()}: texts between {Window(rule)}{Days(rule)}.";
    }

    private static string Window(QuietHoursRule rule) => $"{rule.EarliestHour:00}:00 and {rule.LatestHour:00}:00";

    private static string Days(QuietHoursRule rule) => (rule.NoSundays, rule.NoPublicHolidays) switch
    {
        (true, true) => ", never on Sundays or public holidays",
        (true, false) => ", never on Sundays",
        (false, true) => ", never on public holidays",
        _ => "",
    };

    private static string Grace(int hours) => hours == 0 ? "by " : $"{Hours(hours)} after ";

    private static string Days(int days) => days == 0 ? "the same day" : $"{days} {Plural(days, "day")}";

    private static string Hours(int hours) => $"{hours} {Plural(hours, "hour")}";

    private static string Plural(int n, string word) => n == 1 ? word : word + "s";

    private static string Capital(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
}
