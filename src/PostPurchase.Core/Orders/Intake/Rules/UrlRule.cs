namespace PostPurchase.Core.Orders.Intake.Rules;

/// <summary>Links put into messages: absolute http(s) only, so that no relative or script URL reaches a buyer.</summary>
internal static class UrlRule
{
    /// <summary>The trimmed URL, or null when missing; records a problem when it is not an absolute http(s) URL.</summary>
    public static string? Optional(string? url, string path, IntakeErrors errors)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }
        var trimmed = url.Trim();
        if (trimmed.Length > 2048
            || !Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add(path, "Must be an absolute http(s) URL of at most 2048 characters.");
            return null;
        }
        return trimmed;
    }
}
