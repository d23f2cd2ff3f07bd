using NodaTime;

namespace PostPurchase.Core.Policies;

/// <summary>Conversions between instants and the buyer's local time (IANA zones from the TZDB shipped with NodaTime).</summary>
public static class LocalTimes
{
    /// <summary>The zone for an IANA id; throws <see cref="ArgumentException"/> naming the id when it is unknown.</summary>
    public static DateTimeZone Zone(string timeZoneId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZoneId);
        return DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZoneId.Trim())
            ?? throw new ArgumentException($"Unknown IANA time zone '{timeZoneId}' (expected e.g. 'Europe/Amsterdam').", nameof(timeZoneId));
    }

    /// <summary>True when the id names a known IANA zone.</summary>
    public static bool IsKnownZone(string? timeZoneId) =>
        !string.IsNullOrWhiteSpace(timeZoneId) && DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZoneId.Trim()) is not null;

    /// <summary>The local date and time of <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    public static LocalDateTime ToLocal(DateTimeOffset instant, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return Instant.FromDateTimeOffset(instant).InZone(zone).LocalDateTime;
    }

    /// <summary>The instant of a local time, in UTC; a time skipped by a DST change moves forward, an ambiguous one takes the earlier.</summary>
    /// <remarks>UTC like every other time the runtimes hand the decider, so the times of one timeline read alike in the API.</remarks>
    public static DateTimeOffset FromLocal(LocalDateTime local, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return zone.AtLeniently(local).ToInstant().ToDateTimeOffset();
    }

    /// <summary>
    /// <paramref name="days"/> local days after <paramref name="from"/>, at <paramref name="hour"/>:00 local time;
    /// never at or before <paramref name="from"/> itself (then one day later).
    /// </summary>
    public static DateTimeOffset DaysLaterAtHour(DateTimeOffset from, int days, int hour, DateTimeZone zone)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        ArgumentOutOfRangeException.ThrowIfNegative(hour);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hour, 23);
        var date = ToLocal(from, zone).Date.PlusDays(days);
        var at = FromLocal(date.At(new NodaTime.LocalTime(hour, 0)), zone);
        return at > from ? at : FromLocal(date.PlusDays(1).At(new NodaTime.LocalTime(hour, 0)), zone);
    }

    /// <summary>The local calendar day of <paramref name="instant"/>.</summary>
    public static LocalDate LocalDay(DateTimeOffset instant, DateTimeZone zone) => ToLocal(instant, zone).Date;
}
