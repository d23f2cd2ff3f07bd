using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace PostPurchase.Web.Pages;

/// <summary>The tracking page's strings in one locale (en, nl, de, fr, pl), read from the embedded <c>Locales/*.json</c>.</summary>
public sealed class PageText
{
    /// <summary>The locales the pages speak; the first is the fallback.</summary>
    public static IReadOnlyList<string> Locales { get; } = ["en", "nl", "de", "fr", "pl"];

    private static readonly FrozenDictionary<string, PageText> All = Locales.ToFrozenDictionary(l => l, Load);
    private readonly FrozenDictionary<string, string> _strings;

    private PageText(string locale, FrozenDictionary<string, string> strings)
    {
        Locale = locale;
        Culture = CultureInfo.GetCultureInfo(locale);
        _strings = strings;
    }

    /// <summary>The locale of these strings.</summary>
    public string Locale { get; }

    /// <summary>The culture dates and numbers are written in.</summary>
    public CultureInfo Culture { get; }

    /// <summary>Every key this locale defines.</summary>
    public IEnumerable<string> Keys => _strings.Keys;

    /// <summary>The strings for <paramref name="locale"/> ("nl-BE" finds "nl"); English when the locale is not supported.</summary>
    public static PageText For(string? locale)
    {
        var language = (locale ?? "").Split('-', '_')[0].ToLowerInvariant();
        return All.TryGetValue(language, out var text) ? text : All["en"];
    }

    /// <summary>True when <paramref name="locale"/> is one of <see cref="Locales"/>.</summary>
    public static bool IsSupported(string? locale) => locale is not null && All.ContainsKey(locale);

    /// <summary>The string for <paramref name="key"/>; a missing key is a bug and throws.</summary>
    public string this[string key] => _strings.TryGetValue(key, out var value)
        ? value
        : throw new KeyNotFoundException($"The page text '{key}' is missing for locale '{Locale}'.");

    /// <summary>The string for <paramref name="key"/> with its {0}, {1} placeholders filled in.</summary>
    public string Format(string key, params object?[] args) => string.Format(Culture, this[key], args);

    /// <summary>A date the way this locale writes it, in the buyer's time zone.</summary>
    public string Date(DateTimeOffset value, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(value, zone).ToString("D", Culture);

    /// <summary>A date and time the way this locale writes it, in the buyer's time zone.</summary>
    public string DateTime(DateTimeOffset value, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(value, zone).ToString("g", Culture);

    private static PageText Load(string locale)
    {
        var name = $"PostPurchase.Web.Pages.Locales.{locale}.json";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded page texts {name} are missing.");
        var strings = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
            ?? throw new InvalidOperationException($"The embedded page texts {name} are empty.");
        return new PageText(locale, strings.ToFrozenDictionary());
    }
}
