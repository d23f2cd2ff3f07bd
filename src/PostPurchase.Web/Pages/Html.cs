using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace PostPurchase.Web.Pages;

/// <summary>HTML encoding for the server-rendered pages: every value from an order or a request goes through <see cref="E"/>.</summary>
internal static class Html
{
    // Every script (ü, ł, é) stays readable in the markup; only HTML-significant characters are escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Encodes text for an element body or a quoted attribute.</summary>
    public static string E(string? value) => Encoder.Encode(value ?? "");

    /// <summary>Encodes a URL for an href/src attribute; anything but http(s) or a relative path becomes "#".</summary>
    public static string Url(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "#";
        }
        if (value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal))
        {
            return E(value);
        }
        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? E(uri.AbsoluteUri)
            : "#";
    }

    /// <summary>A CSS colour only when it is a plain hex colour, so branding cannot inject CSS.</summary>
    public static string Color(string? value, string fallback) =>
        value is { Length: 4 or 7 } && value[0] == '#' && value.Skip(1).All(Uri.IsHexDigit) ? value : fallback;
}
