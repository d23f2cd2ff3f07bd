using System.Globalization;
using PostPurchase.Core.Growth;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Studio;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Web.Studio;

/// <summary>Reads the flows-and-timings form into a policy, naming every field it cannot read (the validator judges the rest).</summary>
internal static class FlowsForm
{
    public static TimelinePolicy Read(IFormCollection form, TimelinePolicy current, List<SettingsError> errors)
    {
        var on = new Dictionary<(Intent, Channel), bool>();
        foreach (var intent in Enum.GetValues<Intent>())
        {
            foreach (var channel in ChannelFlows.Channels)
                on[(intent, channel)] = form[FlowName(intent, channel)] == "on";
        }
        int Number(string name, string path, int fallback)
        {
            var text = form[name].ToString().Trim();
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                return value;
            errors.Add(new SettingsError(path, $"Write a whole number, such as 14 (was '{text}')."));
            return fallback;
        }
        var reminderText = form["review.reminderAfterDays"].ToString().Trim();
        var review = current.Review with
        {
            Enabled = form["review.enabled"] == "on",
            DefaultDays = Number("review.defaultDays", "policy.review.defaultDays", current.Review.DefaultDays),
            LocalHour = Number("review.localHour", "policy.review.localHour", current.Review.LocalHour),
            ReminderAfterDays = reminderText.Length == 0 ? null : Number("review.reminderAfterDays", "policy.review.reminderAfterDays", 0),
            MissingDeliveryGraceDays = Number("review.missingDeliveryGraceDays", "policy.review.missingDeliveryGraceDays", current.Review.MissingDeliveryGraceDays),
            CategoryDays = Lines(form["review.categoryDays"], "policy.review.categoryDays", errors),
            SkuDays = Lines(form["review.skuDays"], "policy.review.skuDays", errors),
        };
        var policy = current with
        {
            Review = review,
            Csat = current.Csat with
            {
                Enabled = form["csat.enabled"] == "on",
                DaysAfterDelivery = Number("csat.daysAfterDelivery", "policy.csat.daysAfterDelivery", current.Csat.DaysAfterDelivery),
                LowScoreAtMost = Number("csat.lowScoreAtMost", "policy.csat.lowScoreAtMost", current.Csat.LowScoreAtMost),
                CategoryDays = Lines(form["csat.categoryDays"], "policy.csat.categoryDays", errors),
                SkuDays = Lines(form["csat.skuDays"], "policy.csat.skuDays", errors),
            },
            Delays = new DelayPolicy
            {
                NoScanDays = Number("delays.noScanDays", "policy.delays.noScanDays", current.Delays.NoScanDays),
                EstimateSlipMarginHours = Number("delays.estimateSlipMarginHours", "policy.delays.estimateSlipMarginHours", current.Delays.EstimateSlipMarginHours),
                NotShippedGraceHours = Number("delays.notShippedGraceHours", "policy.delays.notShippedGraceHours", current.Delays.NotShippedGraceHours),
                OverdueGraceHours = Number("delays.overdueGraceHours", "policy.delays.overdueGraceHours", current.Delays.OverdueGraceHours),
            },
            QuietHours = new QuietHoursPolicy
            {
                Default = new QuietHoursRule
                {
                    EarliestHour = Number("quiet.earliestHour", "policy.quietHours.default.earliestHour", 8),
                    LatestHour = Number("quiet.latestHour", "policy.quietHours.default.latestHour", 21),
                },
                Countries = Countries(form["quiet.countries"], errors),
            },
            FatigueCapPerDay = Number("fatigueCapPerDay", "policy.fatigueCapPerDay", current.FatigueCapPerDay),
            ReturnWindowDays = Number("returnWindowDays", "policy.returnWindowDays", current.ReturnWindowDays),
            Growth = Growth(form, current.Growth, Number, errors),
        };
        return ChannelFlows.With(policy, on);
    }

    /// <summary>Repeat purchase: usage periods, win-back, the weekly cap and the hour; tests, links and referrals keep what the version has.</summary>
    private static GrowthPolicy Growth(IFormCollection form, GrowthPolicy current, Func<string, string, int, int> number, List<SettingsError> errors)
    {
        var winBackDays = form["growth.winBack.defaultDays"].ToString().Trim();
        return current with
        {
            Replenishment = current.Replenishment with
            {
                SkuDays = Lines(form["growth.replenishment.skuDays"], "policy.growth.replenishment.skuDays", errors),
                CategoryDays = Lines(form["growth.replenishment.categoryDays"], "policy.growth.replenishment.categoryDays", errors),
            },
            WinBack = current.WinBack with
            {
                CategoryDays = Lines(form["growth.winBack.categoryDays"], "policy.growth.winBack.categoryDays", errors),
                DefaultDays = winBackDays.Length == 0 ? null : number("growth.winBack.defaultDays", "policy.growth.winBack.defaultDays", 0),
                OncePerDays = number("growth.winBack.oncePerDays", "policy.growth.winBack.oncePerDays", current.WinBack.OncePerDays),
            },
            WeeklyMarketingCap = number("growth.weeklyMarketingCap", "policy.growth.weeklyMarketingCap", current.WeeklyMarketingCap),
            LocalHour = number("growth.localHour", "policy.growth.localHour", current.LocalHour),
        };
    }

    public static string FlowName(Intent intent, Channel channel) => $"flow.{WireName.Of(intent)}.{WireName.Of(channel)}";

    /// <summary>"skincare = 28" per line.</summary>
    public static string Lines(IReadOnlyDictionary<string, int> table) =>
        string.Join('\n', table.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key} = {t.Value}"));

    /// <summary>"FR = 8-22, no sundays, no holidays" per line.</summary>
    public static string Countries(IReadOnlyDictionary<string, QuietHoursRule> countries) =>
        string.Join('\n', countries.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c =>
            $"{c.Key} = {c.Value.EarliestHour}-{c.Value.LatestHour}{(c.Value.NoSundays ? ", no sundays" : "")}{(c.Value.NoPublicHolidays ? ", no holidays" : "")}"));

    private static Dictionary<string, int> Lines(string? text, string path, List<SettingsError> errors)
    {
        var result = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, number) in Numbered(text))
        {
            var parts = line.Split('=', 2);
            if (parts.Length == 2 && int.TryParse(parts[1].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var days) && parts[0].Trim().Length > 0)
                result[parts[0].Trim()] = days;
            else
                errors.Add(new SettingsError(path, $"Line {number}: write 'name = days', such as 'skincare = 28' (was '{line}')."));
        }
        return result;
    }

    private static Dictionary<string, QuietHoursRule> Countries(string? text, List<SettingsError> errors)
    {
        var result = new Dictionary<string, QuietHoursRule>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, number) in Numbered(text))
        {
            var parts = line.Split('=', 2);
            var terms = parts.Length == 2 ? parts[1].Split(',', StringSplitOptions.TrimEntries) : [];
            var hours = terms.Length > 0 ? terms[0].Split('-', StringSplitOptions.TrimEntries) : [];
            if (hours.Length == 2 && int.TryParse(hours[0], CultureInfo.InvariantCulture, out var earliest) && int.TryParse(hours[1], CultureInfo.InvariantCulture, out var latest))
            {
                var flags = terms.Skip(1).Select(t => t.ToLowerInvariant()).ToList();
                result[parts[0].Trim().ToUpperInvariant()] = new QuietHoursRule
                {
                    EarliestHour = earliest, LatestHour = latest, NoSundays = flags.Contains("no sundays"), NoPublicHolidays = flags.Contains("no holidays"),
                };
            }
            else
                errors.Add(new SettingsError("policy.quietHours.countries", $"Line {number}: write 'FR = 8-22, no sundays, no holidays' (was '{line}')."));
        }
        return result;
    }

    private static IEnumerable<(string Line, int Number)> Numbered(string? text) =>
        (text ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n').Select((l, i) => (l.Trim(), i + 1)).Where(l => l.Item1.Length > 0);
}
