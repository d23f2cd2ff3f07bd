namespace PostPurchase.Core.Orders.Intake.Rules;

/// <summary>The languages messages are written in; "nl-NL", "nl_BE" and "NL" all reduce to "nl".</summary>
internal static class Locales
{
    /// <summary>The supported languages.</summary>
    public static IReadOnlyList<string> Supported { get; } = ["en", "nl", "de", "fr", "pl"];

    /// <summary>The language of <paramref name="locale"/> when it is supported, else null.</summary>
    public static string? Reduce(string locale)
    {
        var language = locale.Trim().Split('-', '_')[0].ToLowerInvariant();
        return Supported.Contains(language) ? language : null;
    }
}
