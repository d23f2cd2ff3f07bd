using NodaTime;

namespace PostPurchase.Core.Policies;

/// <summary>When an SMS or WhatsApp message may go out, in the buyer's local time and by their country's rule.</summary>
public static class QuietHours
{
    /// <summary>The rule for a shipping-address country (the policy's table, else its default).</summary>
    public static QuietHoursRule RuleFor(QuietHoursPolicy policy, string? country)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return country is not null && Lookup.TryGet(policy.Countries, country.Trim(), out var rule) ? rule : policy.Default;
    }

    /// <summary>True when a text may go out at <paramref name="instant"/>.</summary>
    public static bool IsAllowed(DateTimeOffset instant, DateTimeZone zone, QuietHoursRule rule, string country) =>
        NextAllowed(instant, zone, rule, country) == instant;

    /// <summary>The first moment at or after <paramref name="instant"/> at which a text may go out.</summary>
    public static DateTimeOffset NextAllowed(DateTimeOffset instant, DateTimeZone zone, QuietHoursRule rule, string country)
    {
        ArgumentNullException.ThrowIfNull(rule);
        Validate(rule);
        var local = LocalTimes.ToLocal(instant, zone);
        var earliest = new NodaTime.LocalTime(rule.EarliestHour, 0);
        // A year of consecutive closed days cannot happen with sane rules; the bound guards against a bad table.
        for (var day = 0; day < 370; day++)
        {
            if (!IsOpenDay(local.Date, rule, country) || local.TimeOfDay.Hour >= rule.LatestHour)
            {
                local = local.Date.PlusDays(1).At(earliest);
                continue;
            }
            if (local.TimeOfDay < earliest)
            {
                local = local.Date.At(earliest);
            }
            var candidate = LocalTimes.FromLocal(local, zone);
            return candidate < instant ? instant : candidate;
        }
        throw new InvalidOperationException($"The quiet-hours rule for '{country}' never allows a text.");
    }

    private static bool IsOpenDay(LocalDate date, QuietHoursRule rule, string country) =>
        !(rule.NoSundays && date.DayOfWeek == IsoDayOfWeek.Sunday)
        && !(rule.NoPublicHolidays && PublicHolidays.IsHoliday(country, date));

    private static void Validate(QuietHoursRule rule)
    {
        if (rule.EarliestHour is < 0 or > 23 || rule.LatestHour is < 1 or > 24 || rule.EarliestHour >= rule.LatestHour)
        {
            throw new ArgumentException(
                $"Quiet-hours rule must have 0 <= EarliestHour < LatestHour <= 24 (got {rule.EarliestHour} and {rule.LatestHour}).",
                nameof(rule));
        }
    }
}
