using System.Text;

namespace PostPurchase.Core.Messages;

/// <summary>Keeps user-supplied text on one line and the rendered plain text tidy.</summary>
internal static class TextCleaner
{
    /// <summary>Replaces line breaks, tabs and control characters with single spaces and trims.</summary>
    public static string Line(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c) && c != '\u00A0' && c != '\u202F' || c is '\u2028' or '\u2029')
            {
                space = builder.Length > 0;
                continue;
            }
            if (space)
                builder.Append(' ');
            space = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>Trims each line, drops leading/trailing blank lines and keeps at most one blank line in a row.</summary>
    public static string Block(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()).ToList();
        var builder = new StringBuilder(text.Length);
        var blank = 0;
        foreach (var line in lines)
        {
            if (line.Trim().Length == 0)
            {
                blank++;
                continue;
            }
            if (builder.Length > 0)
                builder.Append(blank > 0 ? "\n\n" : "\n");
            blank = 0;
            builder.Append(line.Trim());
        }
        return builder.ToString();
    }

    /// <summary>An absolute http(s) URL, or "" for anything else (never a javascript: link in an email).</summary>
    public static string Url(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? url!.Trim()
            : "";
}
