using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PostPurchase.Infrastructure.Channels.Acs;

/// <summary>ACS HMAC-SHA256 request signing: <c>VERB\npathAndQuery\ndate;host;contentHash</c> keyed with the base64-decoded access key.</summary>
internal static class AcsRequestSigner
{
    /// <summary>The headers covered by the signature, in order.</summary>
    public const string SignedHeaders = "x-ms-date;host;x-ms-content-sha256";

    /// <summary>Base64 SHA-256 of the exact body bytes sent.</summary>
    public static string ContentHash(ReadOnlySpan<byte> body) => Convert.ToBase64String(SHA256.HashData(body));

    /// <summary>The RFC 1123 date the service expects in <c>x-ms-date</c>.</summary>
    public static string Date(DateTimeOffset now) => now.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);

    /// <summary>The string the signature covers.</summary>
    public static string StringToSign(string method, string pathAndQuery, string date, string host, string contentHash) =>
        $"{method.ToUpperInvariant()}\n{pathAndQuery}\n{date};{host};{contentHash}";

    /// <summary>The <c>Authorization</c> header value for this request.</summary>
    public static string Authorization(byte[] accessKey, string method, string pathAndQuery, string date, string host, string contentHash)
    {
        var toSign = Encoding.ASCII.GetBytes(StringToSign(method, pathAndQuery, date, host, contentHash));
        var signature = Convert.ToBase64String(HMACSHA256.HashData(accessKey, toSign));
        return $"HMAC-SHA256 SignedHeaders={SignedHeaders}&Signature={signature}";
    }
}
