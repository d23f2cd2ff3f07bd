using System.Security.Cryptography;
using System.Text;
using PostPurchase.Core.Carriers;

namespace PostPurchase.Core.Tests.Carriers;

/// <summary>Builds webhook requests as providers send them, signed by a second, independent implementation of each scheme.</summary>
internal static class Webhooks
{
    public const string Secret = "whsec-test-5f2b9c";
    public static readonly Uri Endpoint = new("https://shop.example/api/webhooks/carriers/any");

    public static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static ICarrierWebhook Of(string provider) =>
        CarrierWebhooks.Find(provider) ?? throw new InvalidOperationException($"No webhook for {provider}.");

    public static CarrierWebhookRequest Request(byte[] body, params (string Name, string Value)[] headers) =>
        Request(body, Endpoint, headers);

    public static CarrierWebhookRequest Request(byte[] body, Uri url, params (string Name, string Value)[] headers) =>
        new(body, headers.ToDictionary(h => h.Name, h => h.Value), url);

    public static CarrierWebhookRequest Json(string json) => Request(Encoding.UTF8.GetBytes(json));

    /// <summary>The request <paramref name="provider"/> would send for <paramref name="body"/> under <paramref name="secret"/>.</summary>
    public static CarrierWebhookRequest Signed(string provider, byte[] body, string secret = Secret)
    {
        var key = Encoding.UTF8.GetBytes(secret);
        return provider switch
        {
            "aftership" => Request(body, ("aftership-hmac-sha256", Convert.ToBase64String(HMACSHA256.HashData(key, body)))),
            "easypost" => Request(body, ("X-Hmac-Signature", "hmac-sha256-hex=" + Hex(HMACSHA256.HashData(
                Encoding.UTF8.GetBytes(secret.Normalize(NormalizationForm.FormKD)), body)))),
            "sendcloud" => Request(body, ("Sendcloud-Signature", Hex(HMACSHA256.HashData(key, body)))),
            "shippo" => Request(body, new Uri($"{Endpoint}?token={Uri.EscapeDataString(secret)}")),
            "generic" => Request(body, ("X-PostPurchase-Signature", "sha256=" + Hex(HMACSHA256.HashData(key, body)))),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
    }

    /// <summary>A Shippo request with <c>Shippo-Auth-Signature: t=..,v1=..</c>.</summary>
    public static CarrierWebhookRequest ShippoSigned(byte[] body, string secret, long timestamp, Uri? url = null)
    {
        var signed = Encoding.UTF8.GetBytes($"{timestamp}.").Concat(body).ToArray();
        var v1 = Hex(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
        return Request(body, url ?? Endpoint, ("Shippo-Auth-Signature", $"t={timestamp},v1={v1}"));
    }

    public static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
