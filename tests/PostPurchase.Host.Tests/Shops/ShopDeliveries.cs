using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PostPurchase.Host.Tests.Shops;

/// <summary>The platforms' signed sample deliveries (Fixtures/Shops) as HTTP requests, and re-signed variants of them.</summary>
internal static class ShopDeliveries
{
    public const string ShopifySecret = "shpss_test_secret";
    public const string WooSecret = "wc_test_secret";
    public const string ShopwareSecret = "sw_shop_secret_test";

    public static byte[] Body(string file) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Shops", file));

    /// <summary>The sample exactly as the platform sent it, with its manifest headers.</summary>
    public static HttpRequestMessage Sample(string file, string platform) => Request(platform, Body(file), Headers(file));

    /// <summary>A variant of a sample, re-signed with the test secret; <paramref name="headers"/> override the manifest's.</summary>
    public static HttpRequestMessage Variant(string file, string platform, Action<JsonObject> change, IReadOnlyDictionary<string, string>? headers = null)
    {
        var node = JsonNode.Parse(Body(file))!.AsObject();
        change(node);
        var body = Encoding.UTF8.GetBytes(node.ToJsonString());
        var all = new Dictionary<string, string>(Headers(file), StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in headers ?? new Dictionary<string, string>())
        {
            all[k] = v;
        }
        var (header, value) = platform switch
        {
            "shopify" => ("X-Shopify-Hmac-Sha256", Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(ShopifySecret), body))),
            "woocommerce" => ("X-WC-Webhook-Signature", Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(WooSecret), body))),
            _ => ("shopware-shop-signature", Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(ShopwareSecret), body))),
        };
        all[header] = value;
        return Request(platform, body, all);
    }

    public static HttpRequestMessage Request(string platform, byte[] body, IReadOnlyDictionary<string, string> headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/shops/{platform}") { Content = new ByteArrayContent(body) };
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

    public static Dictionary<string, string> Headers(string file)
    {
        using var manifest = JsonDocument.Parse(Body("manifest.json"));
        return manifest.RootElement.GetProperty("deliveries").EnumerateArray().Single(d => d.GetProperty("file").GetString() == file)
            .GetProperty("headers").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.OrdinalIgnoreCase);
    }
}
