using System.Security.Cryptography;
using System.Text;

namespace PostPurchase.Infrastructure.Channels.Twilio.TwilioWebhooks;

/// <summary>
/// Validates <c>X-Twilio-Signature</c>: Base64(HMAC-SHA1(auth token, URL + each form name and value,
/// names sorted ordinally, values of a repeated name sorted too)), through the Twilio SDK's request validator
/// (which tries the URL with and without its default port); forms that repeat a name are checked here.
/// </summary>
internal static class TwilioSignatureValidator
{
    /// <summary>The signature Twilio computes for a form POST to <paramref name="url"/>.</summary>
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> form)
    {
        var data = new StringBuilder(url);
        foreach (var group in form.GroupBy(p => p.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var value in group.Select(p => p.Value).Order(StringComparer.Ordinal))
            {
                data.Append(group.Key).Append(value);
            }
        }
        return Sign(authToken, data.ToString());
    }

    /// <summary>True when <paramref name="signature"/> matches the form POST to <paramref name="url"/> (or its port variant).</summary>
    public static bool IsValid(string authToken, string? signature, string url, IReadOnlyList<KeyValuePair<string, string>> form)
    {
        if (string.IsNullOrEmpty(authToken) || string.IsNullOrEmpty(signature))
        {
            return false;
        }
        if (form.GroupBy(p => p.Key, StringComparer.Ordinal).All(g => g.Count() == 1))
        {
            // Twilio's own validator; it takes one value per name. It is given each port variant because it only adds the
            // default port to URLs that name no scheme default, so a signature over "https://host:443/..." would be missed.
            var parameters = form.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            var validator = new global::Twilio.Security.RequestValidator(authToken);
            var valid = false;
            foreach (var candidate in PortVariants(url))
            {
                valid |= validator.Validate(candidate, parameters, signature);
            }
            return valid;
        }
        // A repeated name (e.g. two MediaUrl values) is signed value by value, which the SDK's dictionary cannot express.
        var matched = false;
        foreach (var candidate in PortVariants(url))
        {
            // Every variant is checked so the time taken does not reveal which one matched.
            matched |= FixedTimeEquals(Compute(authToken, candidate, form), signature);
        }
        return matched;
    }

    /// <summary>For JSON webhooks: the signature covers the URL alone, and its <c>bodySHA256</c> must be the body's hash.</summary>
    public static bool IsValidJson(string authToken, string? signature, string url, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(authToken) || string.IsNullOrEmpty(signature) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return false;
        }
        var expectedHash = Convert.ToHexStringLower(SHA256.HashData(body));
        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        if (!FixedTimeEquals(query["bodySHA256"] ?? "", expectedHash))
        {
            return false;
        }
        var matched = false;
        foreach (var candidate in PortVariants(url))
        {
            matched |= FixedTimeEquals(Sign(authToken, candidate), signature);
        }
        return matched;
    }

    /// <summary>The URL as given, plus the same URL with the default port added or removed.</summary>
    internal static IEnumerable<string> PortVariants(string url)
    {
        yield return url;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            yield break;
        }
        var defaultPort = uri.Scheme == Uri.UriSchemeHttps ? 443 : uri.Scheme == Uri.UriSchemeHttp ? 80 : -1;
        if (defaultPort < 0)
        {
            yield break;
        }
        var authorityStart = url.IndexOf("://", StringComparison.Ordinal) + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = url.Length;
        }
        var authority = url[authorityStart..authorityEnd];
        var explicitPort = $":{defaultPort}";
        if (authority.EndsWith(explicitPort, StringComparison.Ordinal))
        {
            yield return url[..authorityStart] + authority[..^explicitPort.Length] + url[authorityEnd..];
        }
        else if (uri.IsDefaultPort && !authority.Contains(':', StringComparison.Ordinal))
        {
            yield return url[..authorityStart] + authority + explicitPort + url[authorityEnd..];
        }
    }

    private static string Sign(string authToken, string data)
    {
#pragma warning disable CA5350 // Twilio's webhook signature is defined as HMAC-SHA1; it is the provider's protocol, not our choice.
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data)));
#pragma warning restore CA5350
    }

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
