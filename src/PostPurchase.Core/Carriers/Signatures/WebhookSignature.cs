using System.Security.Cryptography;
using System.Text;

namespace PostPurchase.Core.Carriers.Signatures;

/// <summary>HMAC helpers shared by the providers: compute over raw bytes, compare in constant time.</summary>
internal static class WebhookSignature
{
    /// <summary>HMAC-SHA256 of <paramref name="data"/> keyed with the UTF-8 bytes of <paramref name="secret"/>.</summary>
    public static byte[] HmacSha256(string secret, ReadOnlySpan<byte> data) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), data);

    /// <summary>HMAC-SHA256 keyed with raw key bytes.</summary>
    public static byte[] HmacSha256(byte[] key, ReadOnlySpan<byte> data) => HMACSHA256.HashData(key, data);

    /// <summary>True when <paramref name="hex"/> (any case, surrounding blanks ignored) encodes exactly <paramref name="expected"/>.</summary>
    public static bool HexEquals(string? hex, byte[] expected)
    {
        var received = DecodeHex(hex);
        return received is not null && CryptographicOperations.FixedTimeEquals(received, expected);
    }

    /// <summary>True when <paramref name="base64"/> encodes exactly <paramref name="expected"/>.</summary>
    public static bool Base64Equals(string? base64, byte[] expected)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            return false;
        }
        var buffer = new byte[expected.Length + 3];
        return Convert.TryFromBase64String(base64.Trim(), buffer, out var written)
            && CryptographicOperations.FixedTimeEquals(buffer.AsSpan(0, written), expected);
    }

    /// <summary>Compares two secrets in constant time, hashing first so that their lengths do not leak either.</summary>
    public static bool TextEquals(string? received, string expected)
    {
        if (received is null)
        {
            return false;
        }
        var a = SHA256.HashData(Encoding.UTF8.GetBytes(received));
        var b = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        return CryptographicOperations.FixedTimeEquals(a, b);
    }

    /// <summary>The header's value whatever the case of its name, or null.</summary>
    public static string? Header(CarrierWebhookRequest request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers.TryGetValue(name, out var exact))
        {
            return exact;
        }
        foreach (var (key, value) in request.Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }
        return null;
    }

    private static byte[]? DecodeHex(string? hex)
    {
        if (string.IsNullOrWhiteSpace(hex))
        {
            return null;
        }
        try
        {
            return Convert.FromHexString(hex.Trim());
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
