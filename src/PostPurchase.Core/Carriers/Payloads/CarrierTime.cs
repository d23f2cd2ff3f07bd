using System.Collections.Frozen;
using System.Globalization;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace PostPurchase.Core.Carriers.Payloads;

/// <summary>Reads the time formats carriers send: ISO 8601 with or without an offset, plain dates, Unix seconds or milliseconds.</summary>
/// <remarks>
/// Carriers often report scan times in the local time of the scan without an offset. Such a time is
/// placed in the time zone of the country it was scanned in when every zone of that country agrees on
/// the offset at that moment (NL, DE, FR, PL, GB...); otherwise (US, or no country) it is read as UTC.
/// A plain date (an estimated delivery day) becomes 12:00 UTC of that day, which shows as the same
/// calendar day in every zone from UTC-11 to UTC+12.
/// </remarks>
internal static class CarrierTime
{
    private static readonly OffsetDateTimePattern WithOffset = OffsetDateTimePattern.ExtendedIso;
    private static readonly LocalDateTimePattern Local = LocalDateTimePattern.ExtendedIso;
    private static readonly LocalDatePattern DateOnly = LocalDatePattern.Iso;
    private static readonly Lazy<FrozenDictionary<string, DateTimeZone[]>> ZonesByCountry = new(BuildZones);
    private static readonly Lazy<FrozenDictionary<string, string>> Alpha2ByAlpha3 = new(BuildAlpha3);
    private const long MillisecondThreshold = 100_000_000_000;
    private const long MaxUnixMilliseconds = 253_402_300_799_999;

    /// <summary>Parses <paramref name="text"/>; <paramref name="country"/> (ISO alpha-2 or alpha-3) places offset-less times.</summary>
    public static bool TryParse(string? text, string? country, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var normalised = Normalise(text.Trim());
        if (WithOffset.Parse(normalised) is { Success: true } offset && Sensible(offset.Value.Date))
        {
            value = offset.Value.ToDateTimeOffset();
            return true;
        }
        if (Local.Parse(normalised) is { Success: true } local && Sensible(local.Value.Date))
        {
            value = Place(local.Value, country);
            return true;
        }
        if (DateOnly.Parse(normalised) is { Success: true } date && Sensible(date.Value))
        {
            value = new DateTimeOffset(date.Value.Year, date.Value.Month, date.Value.Day, 12, 0, 0, TimeSpan.Zero);
            return true;
        }
        return false;
    }

    /// <summary>Parses ISO 8601 text that carries its offset ("Z" or "+01:00"); nothing else.</summary>
    public static bool TryParseWithOffset(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text) || WithOffset.Parse(text.Trim()) is not { Success: true } parsed || !Sensible(parsed.Value.Date))
        {
            return false;
        }
        value = parsed.Value.ToDateTimeOffset();
        return true;
    }

    /// <summary>A Unix time in seconds, or in milliseconds when the number is too large to be seconds; false before 1970 or after 9999.</summary>
    public static bool TryFromUnix(long value, out DateTimeOffset instant)
    {
        instant = default;
        if (value < 0 || value > MaxUnixMilliseconds)
        {
            return false;
        }
        instant = value >= MillisecondThreshold
            ? DateTimeOffset.FromUnixTimeMilliseconds(value)
            : DateTimeOffset.FromUnixTimeSeconds(value);
        return true;
    }

    /// <summary>The ISO alpha-2 code for an alpha-2 or alpha-3 country code, or null.</summary>
    public static string? Alpha2(string? country)
    {
        if (string.IsNullOrWhiteSpace(country))
        {
            return null;
        }
        var code = country.Trim().ToUpperInvariant();
        return code.Length switch
        {
            2 => code,
            3 => Alpha2ByAlpha3.Value.GetValueOrDefault(code),
            _ => null,
        };
    }

    // Parcels move between 1970 and 9998; outside that a date is a typo, and DateTimeOffset could not hold it.
    private static bool Sensible(LocalDate date) => date.Year is >= 1970 and <= 9998;

    private static string Normalise(string text)
    {
        // "2024-08-02 19:26:52" and "2024-08-02T19:26" are common; the ISO patterns need the T and seconds.
        if (text.Length >= 16 && text[10] == ' ')
        {
            text = string.Concat(text.AsSpan(0, 10), "T", text.AsSpan(11));
        }
        if (text.Length == 16 && text[10] == 'T')
        {
            text += ":00";
        }
        // "+0100" (basic offset) becomes "+01:00" (extended), which the ISO pattern reads.
        if (text.Length > 19 && text[^5] is '+' or '-' && text[^4..].All(char.IsAsciiDigit))
        {
            text = string.Concat(text.AsSpan(0, text.Length - 2), ":", text.AsSpan(text.Length - 2));
        }
        return text;
    }

    private static DateTimeOffset Place(LocalDateTime local, string? country)
    {
        var code = Alpha2(country);
        if (code is not null && ZonesByCountry.Value.TryGetValue(code, out var zones))
        {
            var placed = zones.Select(z => local.InZoneLeniently(z).ToOffsetDateTime()).Distinct().ToList();
            if (placed.Count == 1)
            {
                return placed[0].ToDateTimeOffset();
            }
        }
        return local.InUtc().ToDateTimeOffset();
    }

    private static FrozenDictionary<string, DateTimeZone[]> BuildZones()
    {
        var source = TzdbDateTimeZoneSource.Default;
        return source.ZoneLocations!
            .GroupBy(l => l.CountryCode, StringComparer.Ordinal)
            .ToFrozenDictionary(
                g => g.Key,
                g => g.Select(l => DateTimeZoneProviders.Tzdb.GetZoneOrNull(l.ZoneId)).OfType<DateTimeZone>().ToArray(),
                StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, string> BuildAlpha3()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            try
            {
                var region = new RegionInfo(culture.Name);
                map.TryAdd(region.ThreeLetterISORegionName, region.TwoLetterISORegionName);
            }
            catch (ArgumentException)
            {
                // Cultures without a region (rare in ICU) have nothing to add.
            }
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
