using System.Security.Cryptography;
using System.Text;

namespace PostPurchase.Host.Tests.Support;

/// <summary>A signed carrier webhook as a provider would send it: route, raw body and headers.</summary>
internal sealed record CarrierCall(string Provider, string Body, IReadOnlyDictionary<string, string> Headers, string Query = "")
{
    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/carriers/{Provider}{Query}")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Body)),
        };
        request.Content.Headers.ContentType = new("application/json");
        foreach (var (name, value) in Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return request;
    }

    /// <summary>The same call with a signature made with the wrong secret.</summary>
    public CarrierCall Forged() => Provider == "shippo"
        ? this with { Query = "?token=wrong-token" }
        : CarrierPayloads.Sign(Provider, Body, "not-the-secret");

    public static string Hex(byte[] mac) => Convert.ToHexStringLower(mac);

    public static byte[] Mac(string secret, string body) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body));
}
