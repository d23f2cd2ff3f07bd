using System.Globalization;
using NodaTime;

namespace PostPurchase.Core.Messages;

/// <summary>Money, dates and times the way each supported locale writes them, in the buyer's time zone.</summary>
public static class LocaleFormat
{
    /// <summary>The locales with built-in templates and strings.</summary>
    public static IReadOnlyList<string> Supported { get; } = ["en", "nl", "de", "fr", "pl"];

    private static readonly Dictionary<string, string> Cultures = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "en-GB", ["nl"] = "nl-NL", ["de"] = "de-DE", ["fr"] = "fr-FR", ["pl"] = "pl-PL",
    };

    private static readonly Dictionary<string, (string Date, string DateTime)> Patterns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = ("dddd d MMMM", "dddd d MMMM 'at' HH:mm"),
        ["nl"] = ("dddd d MMMM", "dddd d MMMM 'om' HH:mm"),
        ["de"] = ("dddd, d. MMMM", "dddd, d. MMMM 'um' HH:mm 'Uhr'"),
        ["fr"] = ("dddd d MMMM", "dddd d MMMM 'à' HH'h'mm"),
        ["pl"] = ("dddd, d MMMM", "dddd, d MMMM, 'godz.' HH:mm"),
    };

    private static readonly Dictionary<string, string> Symbols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["EUR"] = "€", ["USD"] = "$", ["GBP"] = "£", ["PLN"] = "zł", ["CHF"] = "CHF",
        ["SEK"] = "kr", ["DKK"] = "kr", ["NOK"] = "kr", ["CZK"] = "Kč", ["HUF"] = "Ft", ["JPY"] = "¥",
    };

    /// <summary>Maps a locale tag ("nl", "nl-BE", "PL") to a supported locale; unknown languages fall back to "en".</summary>
    public static string Normalize(string? locale)
    {
        var language = (locale ?? "").Split('-', '_')[0].Trim().ToLowerInvariant();
        return Cultures.ContainsKey(language) ? language : "en";
    }

    /// <summary>The culture used for <paramref name="locale"/>.</summary>
    public static CultureInfo Culture(string locale) => CultureInfo.GetCultureInfo(Cultures[Normalize(locale)]);

    /// <summary>Formats an amount in <paramref name="currency"/> (ISO 4217) for <paramref name="locale"/>, e.g. "€ 34,95" (nl).</summary>
    /// <remarks>Negative amounts (discounts) get a leading minus in every locale: "-€ 5,00", "-5,00 €".</remarks>
    public static string Money(decimal amount, string currency, string locale)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(currency);
        if (amount < 0)
            return "-" + Money(-amount, currency, locale);
        var format = (NumberFormatInfo)Culture(locale).NumberFormat.Clone();
        format.CurrencySymbol = Symbols.TryGetValue(currency, out var symbol) ? symbol : currency.ToUpperInvariant();
        format.CurrencyGroupSeparator = format.CurrencyGroupSeparator.Replace('\u202F', '\u00A0');
        return amount.ToString("C2", format);
    }

    /// <summary>Formats the calendar day of <paramref name="at"/> in <paramref name="timeZone"/> (IANA), e.g. "dinsdag 3 maart".</summary>
    public static string Date(DateTimeOffset at, string timeZone, string locale) =>
        Local(at, timeZone).ToString(Patterns[Normalize(locale)].Date, Culture(locale));

    /// <summary>Formats day and time of <paramref name="at"/> in <paramref name="timeZone"/> (IANA), e.g. "Tuesday 3 March at 14:30".</summary>
    public static string DateTime(DateTimeOffset at, string timeZone, string locale) =>
        Local(at, timeZone).ToString(Patterns[Normalize(locale)].DateTime, Culture(locale));

    private static System.DateTime Local(DateTimeOffset at, string timeZone)
    {
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZone)
            ?? throw new ArgumentException($"'{timeZone}' is not an IANA time zone id (e.g. Europe/Amsterdam).", nameof(timeZone));
        return Instant.FromDateTimeOffset(at).InZone(zone).ToDateTimeUnspecified();
    }
}
