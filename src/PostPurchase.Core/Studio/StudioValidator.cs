using System.Globalization;
using PostPurchase.Core.Messages;
using PostPurchase.Core.Orders.Intake.Rules;
using PostPurchase.Core.Policies;

namespace PostPurchase.Core.Studio;

/// <summary>Checks a whole settings document before it is saved; every refused value gets its own error.</summary>
public static class StudioValidator
{
    /// <summary>The most days any delay may be (a year).</summary>
    public const int MaxDays = 365;

    /// <summary>Every problem of <paramref name="settings"/> (normalised first); empty when it may be saved.</summary>
    public static IReadOnlyList<SettingsError> Validate(StudioSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var s = settings.Normalized();
        var errors = new List<SettingsError>();
        var brandingOk = Branding(s.Branding, errors);
        var before = errors.Count;
        Timings(s.Policy, errors);
        var timingsOk = errors.Count == before;
        if (brandingOk)
        {
            before = errors.Count;
            foreach (var (key, source) in s.Templates.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                if (TemplateCheck.Check(s.Branding, key, source) is { } problem)
                    errors.Add(problem);
            }
            // The rest of repeat purchase (links, referrals, A/B arms tried against these templates) as the hosts check it at start.
            if (timingsOk && errors.Count == before)
                GrowthChecks.Rest(s.Policy.Growth, s.Composer(), errors);
        }
        foreach (var (key, sid) in s.WhatsAppTemplates)
            WhatsAppTemplate(key, sid, errors);
        return errors;
    }

    /// <summary>Problems of the branding alone; true when it is usable (templates can then be tried with it).</summary>
    public static bool Branding(Branding b, List<SettingsError> errors)
    {
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        if (string.IsNullOrWhiteSpace(b.ShopName) || b.ShopName.Length > 100)
            errors.Add(new("branding.shopName", "The shop name is required, at most 100 characters."));
        Url(b.LogoUrl, "branding.logoUrl", required: false, errors);
        Url(b.ReturnPolicyUrl, "branding.returnPolicyUrl", required: false, errors);
        Url(b.ReviewUrl, "branding.reviewUrl", required: false, errors);
        Colour(b.PrimaryColor, "branding.primaryColor", "the email header", errors);
        Colour(b.AccentColor, "branding.accentColor", "the tracking page header and links", errors);
        if (string.IsNullOrWhiteSpace(b.SupportEmail) || !EmailAddresses.IsValid(b.SupportEmail.Trim()))
            errors.Add(new("branding.supportEmail", "Give a support email address buyers can write to, such as help@shop.example."));
        if (!string.IsNullOrWhiteSpace(b.SupportPhone) && Phones.ToE164(b.SupportPhone, null) != b.SupportPhone.Trim())
            errors.Add(new("branding.supportPhone", "Write the support phone in international form, such as +31201234567."));
        if (b.SenderName is { Length: > 0 } sender && (sender.Length > 100 || sender.IndexOfAny(['<', '>', '"', '\r', '\n', '@']) >= 0))
            errors.Add(new("branding.senderName", "The sender name is at most 100 characters, without < > \" @ or line breaks."));
        foreach (var (locale, summary) in b.ReturnPolicySummary)
        {
            if (!LocaleFormat.Supported.Contains(locale, StringComparer.OrdinalIgnoreCase))
                errors.Add(new($"branding.returnPolicySummary.{locale}", $"'{locale}' is not a supported language; use {string.Join(", ", LocaleFormat.Supported)}."));
            else if (summary is null || summary.Length > 300)
                errors.Add(new($"branding.returnPolicySummary.{locale}", "The return policy summary is one sentence of at most 300 characters."));
        }
        return errors.Count == before;
    }

    /// <summary>Problems of the flows and timings, repeat purchase's included.</summary>
    public static void Timings(TimelinePolicy p, List<SettingsError> errors)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(errors);
        Days(p.Review.DefaultDays, "policy.review.defaultDays", "The review delay", 0, errors);
        foreach (var (category, days) in p.Review.CategoryDays)
        {
            Name(category, "policy.review.categoryDays", "category", errors);
            Days(days, $"policy.review.categoryDays.{category}", $"The review delay for {category}", 0, errors);
        }
        foreach (var (sku, days) in p.Review.SkuDays)
        {
            Name(sku, "policy.review.skuDays", "SKU", errors);
            Days(days, $"policy.review.skuDays.{sku}", $"The review delay for SKU {sku}", 0, errors);
        }
        Hour(p.Review.LocalHour, "policy.review.localHour", errors);
        if (p.Review.ReminderAfterDays is { } reminder)
            Days(reminder, "policy.review.reminderAfterDays", "The reminder delay", 1, errors);
        Days(p.Review.MissingDeliveryGraceDays, "policy.review.missingDeliveryGraceDays", "The grace before an unscanned order counts as delivered", 0, errors);
        Days(p.Csat.DaysAfterDelivery, "policy.csat.daysAfterDelivery", "The survey delay", 0, errors);
        foreach (var (category, days) in p.Csat.CategoryDays)
            Days(days, $"policy.csat.categoryDays.{category}", $"The survey delay for {category}", 0, errors);
        foreach (var (sku, days) in p.Csat.SkuDays)
            Days(days, $"policy.csat.skuDays.{sku}", $"The survey delay for SKU {sku}", 0, errors);
        if (p.Csat.LowScoreAtMost is < 1 or > 4)
            errors.Add(new("policy.csat.lowScoreAtMost", "A low score is 1 up to 1, 2, 3 or 4, so that some score can still lead to a review."));
        Days(p.Delays.NoScanDays, "policy.delays.noScanDays", "Days without a scan before a delay alert", 1, errors);
        Hours(p.Delays.EstimateSlipMarginHours, "policy.delays.estimateSlipMarginHours", errors);
        Hours(p.Delays.NotShippedGraceHours, "policy.delays.notShippedGraceHours", errors);
        Hours(p.Delays.OverdueGraceHours, "policy.delays.overdueGraceHours", errors);
        QuietRule(p.QuietHours.Default, "policy.quietHours.default", errors);
        foreach (var (country, rule) in p.QuietHours.Countries)
        {
            if (country.Length != 2 || !country.All(char.IsAsciiLetter))
                errors.Add(new($"policy.quietHours.countries.{country}", $"'{country}' is not a two-letter country code such as NL or FR."));
            QuietRule(rule, $"policy.quietHours.countries.{country}", errors);
        }
        if (p.FatigueCapPerDay is < 1 or > 20)
            errors.Add(new("policy.fatigueCapPerDay", "The daily cap is 1 to 20 non-essential messages per buyer."));
        Days(p.ReturnWindowDays, "policy.returnWindowDays", "The return window", 1, errors);
        GrowthChecks.Timings(p.Growth, errors);
    }

    private static void WhatsAppTemplate(string key, string sid, List<SettingsError> errors)
    {
        var intent = key.Split('.')[0];
        var locale = key.Contains('.', StringComparison.Ordinal) ? key[(key.IndexOf('.', StringComparison.Ordinal) + 1)..] : null;
        if (!Serialization.WireName.TryParse<Timeline.Intent>(intent, out _) || (locale is not null && !LocaleFormat.Supported.Contains(locale, StringComparer.OrdinalIgnoreCase)))
            errors.Add(new($"whatsAppTemplates.{key}", "Keys are an intent, or an intent and a language, such as \"shipped\" or \"shipped.nl\"."));
        if (sid is null || sid.Length != 34 || !sid.StartsWith("HX", StringComparison.Ordinal) || !sid[2..].All(char.IsAsciiHexDigit))
            errors.Add(new($"whatsAppTemplates.{key}", "A Content template SID is HX followed by 32 hexadecimal characters (Twilio Console, Content Template Builder)."));
    }

    private static void QuietRule(QuietHoursRule? rule, string path, List<SettingsError> errors)
    {
        if (rule is null)
        {
            errors.Add(new(path, "The rule is missing."));
            return;
        }
        if (rule.EarliestHour is < 0 or > 23 || rule.LatestHour is < 1 or > 24 || rule.EarliestHour >= rule.LatestHour)
            errors.Add(new(path, $"Texts need a window within the day: earliest 0-23, latest 1-24 and after the earliest (was {rule.EarliestHour}-{rule.LatestHour})."));
    }

    internal static void Days(int value, string path, string what, int min, List<SettingsError> errors)
    {
        if (value < min || value > MaxDays)
            errors.Add(new(path, value < 0
                ? $"{what} cannot be negative (was {value}): nothing is sent before delivery or before the moment it counts from."
                : $"{what} must be {min} to {MaxDays} days (was {value.ToString(CultureInfo.InvariantCulture)})."));
    }

    private static void Hours(int value, string path, List<SettingsError> errors)
    {
        if (value is < 0 or > 24 * 10)
            errors.Add(new(path, $"Hours must be 0 to 240 (was {value})."));
    }

    internal static void Hour(int value, string path, List<SettingsError> errors)
    {
        if (value is < 0 or > 23)
            errors.Add(new(path, $"A local hour is 0 to 23 (was {value})."));
    }

    internal static void Name(string name, string path, string what, List<SettingsError> errors)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
            errors.Add(new(path, $"A {what} needs a name of 1 to 100 characters."));
    }

    private static void Url(string? url, string path, bool required, List<SettingsError> errors)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            if (required)
                errors.Add(new(path, "Required."));
            return;
        }
        if (url.Length > 2048 || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            errors.Add(new(path, "Must be an absolute http(s) URL, such as https://shop.example/returns."));
    }

    private static void Colour(string colour, string path, string where, List<SettingsError> errors)
    {
        double ratio;
        try
        {
            ratio = ColorContrast.Ratio("#ffffff", colour);
        }
        catch (FormatException)
        {
            errors.Add(new(path, $"'{colour}' is not a CSS hex colour such as #1f6feb."));
            return;
        }
        if (ratio < ColorContrast.Minimum)
            errors.Add(new(path, string.Create(CultureInfo.InvariantCulture,
                $"White text on {colour} ({where}) has a contrast of {ratio:0.0}:1; text needs at least {ColorContrast.Minimum}:1 to be readable. Choose a darker colour.")));
    }
}
