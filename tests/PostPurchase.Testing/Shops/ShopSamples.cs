using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PostPurchase.Testing.Shops;

/// <summary>
/// The platforms' signed sample deliveries (Fixtures/Shops, with <c>manifest.json</c> holding their headers and test secrets)
/// as bytes and as HTTP requests, and variants of them re-signed with the test secrets.
/// </summary>
public static class ShopSamples
{
    public const string ShopifySecret = "shpss_test_secret";
    public const string WooSecret = "wc_test_secret";
    public const string ShopwareSecret = "sw_shop_secret_test";

    private static readonly Lazy<JsonDocument> Manifest = new(() => JsonDocument.Parse(Body("manifest.json")));

    /// <summary>The sample's exact bytes.</summary>
    public static byte[] Body(string file) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Shops", file));

    /// <summary>The sample as JSON to change.</summary>
    public static JsonObject Json(string file) => JsonNode.Parse(Body(file))!.AsObject();

    /// <summary>The manifest's test secret of <paramref name="platform"/>.</summary>
    public static string Secret(string platform) => Manifest.Value.RootElement.GetProperty("secrets").GetProperty(platform).GetString()!;

    /// <summary>The headers the platform sent the sample with.</summary>
    public static Dictionary<string, string> Headers(string file) =>
        Manifest.Value.RootElement.GetProperty("deliveries").EnumerateArray().Single(d => d.GetProperty("file").GetString() == file)
            .GetProperty("headers").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.OrdinalIgnoreCase);

    /// <summary>(file, platform) of every signed delivery of Shopify, WooCommerce and Shopware.</summary>
    public static IEnumerable<(string File, string Platform)> Signed() =>
        Manifest.Value.RootElement.GetProperty("deliveries").EnumerateArray()
            .Select(d => (File: d.GetProperty("file").GetString()!, Platform: d.GetProperty("platform").GetString()!))
            .Where(d => d.Platform is "shopify" or "woocommerce" or "shopware" && !d.File.EndsWith(".txt", StringComparison.Ordinal));

    /// <summary>The sample exactly as the platform sent it, with its manifest headers.</summary>
    public static HttpRequestMessage Sample(string file, string platform) => Request(platform, Body(file), Headers(file));

    /// <summary>A variant of a sample, re-signed with the test secret; <paramref name="headers"/> override the manifest's.</summary>
    public static HttpRequestMessage Variant(string file, string platform, Action<JsonObject> change, IReadOnlyDictionary<string, string>? headers = null)
    {
        var node = Json(file);
        change(node);
        return Signed(platform, node, Headers(file), headers);
    }

    /// <summary><paramref name="body"/> with <paramref name="baseHeaders"/> (overridden by <paramref name="headers"/>), signed with the test secret.</summary>
    public static HttpRequestMessage Signed(string platform, JsonNode body, IReadOnlyDictionary<string, string> baseHeaders, IReadOnlyDictionary<string, string>? headers = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        var all = new Dictionary<string, string>(baseHeaders, StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in headers ?? new Dictionary<string, string>())
        {
            all[k] = v;
        }
        var (header, value) = Signature(platform, bytes);
        all[header] = value;
        return Request(platform, bytes, all);
    }

    /// <summary>The signature header and value the platform would send for <paramref name="body"/>, with the test secret.</summary>
    public static (string Header, string Value) Signature(string platform, byte[] body) => platform switch
    {
        "shopify" => ("X-Shopify-Hmac-Sha256", Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(ShopifySecret), body))),
        "woocommerce" => ("X-WC-Webhook-Signature", Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(WooSecret), body))),
        _ => ("shopware-shop-signature", Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(ShopwareSecret), body))),
    };

    /// <summary>A POST of <paramref name="body"/> to the platform's webhook route (relative), with <paramref name="headers"/>.</summary>
    public static HttpRequestMessage Request(string platform, byte[] body, IReadOnlyDictionary<string, string> headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/webhooks/shops/{platform}", UriKind.Relative)) { Content = new ByteArrayContent(body) };
        foreach (var (name, value) in headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }
        return request;
    }
}
