using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace PostPurchase.Testing.Hostile;

/// <summary>Puts each route's own credential on a hostile request: the API key, a carrier's or shop's HMAC, Twilio's signature, the Event Grid key.</summary>
internal static class HostileSigner
{
    /// <summary>The path with a query-string credential where the route takes one (Shippo's token, the Event Grid key).</summary>
    public static string WithQueryCredential(HostileRequest request, HostileSecrets secrets)
    {
        var secret = request.Credential switch
        {
            Credential.Genuine when request.Path.StartsWith("/api/webhooks/carriers/shippo", StringComparison.Ordinal) => secrets.Carriers.GetValueOrDefault("shippo", "none"),
            Credential.Genuine when request.Path.StartsWith("/api/webhooks/acs", StringComparison.Ordinal) => secrets.EventGridKey,
            Credential.Forged => "forged-" + Convert.ToHexStringLower(SHA256.HashData(request.Body))[..12],
            _ => null,
        };
        return secret is null ? request.Path : $"{request.Path}?key={Uri.EscapeDataString(secret)}&token={Uri.EscapeDataString(secret)}";
    }

    public static IEnumerable<KeyValuePair<string, string>> Headers(HostileRequest request, Uri url, HostileSecrets secrets)
    {
        if (request.Credential == Credential.None)
        {
            yield break;
        }
        var genuine = request.Credential == Credential.Genuine;
        var path = request.Path;
        if (path.StartsWith("/api/webhooks/carriers/", StringComparison.Ordinal))
        {
            var provider = path["/api/webhooks/carriers/".Length..];
            var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(genuine ? secrets.Carriers.GetValueOrDefault(provider, "none") : "not-the-secret"), request.Body);
            yield return new("aftership-hmac-sha256", Convert.ToBase64String(mac));
            yield return new("X-Hmac-Signature", "hmac-sha256-hex=" + Convert.ToHexStringLower(mac));
            yield return new("Sendcloud-Signature", Convert.ToHexStringLower(mac));
            yield return new("X-PostPurchase-Signature", "sha256=" + Convert.ToHexStringLower(mac));
        }
        else if (path.StartsWith("/api/webhooks/shops/", StringComparison.Ordinal))
        {
            yield return Shop(path["/api/webhooks/shops/".Length..], request.Body, genuine, secrets);
        }
        else if (path.StartsWith("/api/webhooks/twilio/", StringComparison.Ordinal))
        {
            yield return new("X-Twilio-Signature", genuine ? TwilioSignature(url, request.Body, secrets.TwilioAuthToken) : "Zm9yZ2VkLXNpZ25hdHVyZQ==");
        }
        else if (!path.StartsWith("/api/webhooks/acs", StringComparison.Ordinal))
        {
            // The merchant's API and dashboard: the key itself, or one that is not it; a forged sign-in cookie beside it.
            yield return new("x-functions-key", genuine ? secrets.ApiKey : "not-the-key");
            yield return new("Cookie", genuine ? "theme=dark" : ".PostPurchase.Dashboard=forged-cookie-value");
        }
    }

    private static KeyValuePair<string, string> Shop(string platform, byte[] body, bool genuine, HostileSecrets secrets)
    {
        var (header, secret) = platform switch
        {
            "shopify" => ("X-Shopify-Hmac-Sha256", secrets.ShopifySecret),
            "woocommerce" => ("X-WC-Webhook-Signature", secrets.WooCommerceSecret),
            _ => ("shopware-shop-signature", secrets.ShopwareSecret),
        };
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(genuine ? secret : "not-the-secret"), body);
        return new(header, platform == "shopware" ? Convert.ToHexStringLower(mac) : Convert.ToBase64String(mac));
    }

    /// <summary>Twilio's scheme: the full URL, then each form field's name and value sorted by name, HMAC-SHA1 with the auth token.</summary>
    private static string TwilioSignature(Uri url, byte[] body, string authToken)
    {
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        var data = new StringBuilder(url.ToString());
        foreach (var (name, values) in form.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var value in values)
            {
                data.Append(name).Append(value);
            }
        }
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
    }
}
