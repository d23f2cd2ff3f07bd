using System.Globalization;

namespace PostPurchase.Core.Growth;

/// <summary>The form of an email address a buyer profile is keyed by, so that "Anna@Example.com" and "anna+shop@example.com" are one buyer.</summary>
public static class BuyerEmail
{
    private static readonly IdnMapping Idn = new();

    /// <summary>
    /// Trimmed and lower-cased, the domain in its ASCII (punycode) form, a "+tag" dropped from the local part; at Gmail also the dots
    /// (Gmail ignores them) and googlemail.com read as gmail.com. Throws <see cref="ArgumentException"/> for text without a local part and a domain.
    /// </summary>
    public static string Normalise(string email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        var trimmed = email.Trim();
        var at = trimmed.LastIndexOf('@');
        if (at <= 0 || at == trimmed.Length - 1)
        {
            throw new ArgumentException($"'{email}' is not an email address.", nameof(email));
        }
        var local = trimmed[..at].ToLowerInvariant();
        string domain;
        try
        {
            domain = Idn.GetAscii(trimmed[(at + 1)..].TrimEnd('.')).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            domain = trimmed[(at + 1)..].ToLowerInvariant();
        }
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        if (plus > 0)
        {
            local = local[..plus];
        }
        if (domain is "gmail.com" or "googlemail.com")
        {
            local = local.Replace(".", "", StringComparison.Ordinal);
            domain = "gmail.com";
        }
        return $"{local}@{domain}";
    }
}
