using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using PostPurchase.Core.Messages;

namespace PostPurchase.Infrastructure.Links;

/// <summary>Makes and reads the buyer's links: opaque tokens that carry the order id encrypted and authenticated.</summary>
/// <remarks>
/// A token is AES-GCM over (order id, expiry) with a key derived from <c>PostPurchase:SigningKey</c>,
/// so it reveals nothing, cannot be forged or enumerated, and both runtimes read each other's links.
/// </remarks>
public sealed class CustomerLinks
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;
    private readonly string _baseUrl;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;

    /// <summary>Creates the link maker; <paramref name="signingKey"/> must be at least 16 characters.</summary>
    public CustomerLinks(string signingKey, string publicBaseUrl, TimeProvider time, TimeSpan? lifetime = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signingKey);
        if (signingKey.Length < 16)
        {
            throw new ArgumentException("PostPurchase:SigningKey must be at least 16 characters.", nameof(signingKey));
        }
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(signingKey), 32, info: "postpurchase-customer-links-v1"u8.ToArray());
        _baseUrl = publicBaseUrl.TrimEnd('/');
        _time = time;
        _lifetime = lifetime ?? TimeSpan.FromDays(365);
    }

    /// <summary>Every link a message about <paramref name="orderId"/> may carry.</summary>
    public MessageLinks For(string orderId)
    {
        var token = CreateToken(orderId);
        var page = $"{_baseUrl}/track/{token}";
        return new MessageLinks(page, ReviewUrl: $"{page}/review", CsatUrl: $"{page}#rate", UnsubscribeUrl: $"{page}#consent");
    }

    /// <summary>A 256-bit key for <paramref name="purpose"/>, derived from <c>PostPurchase:SigningKey</c> and distinct from the links' own key.</summary>
    internal byte[] DeriveKey(string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _key, 32, info: Encoding.UTF8.GetBytes(purpose));

    /// <summary>A fresh token for <paramref name="orderId"/>, valid for the configured lifetime.</summary>
    public string CreateToken(string orderId)
    {
        var id = Encoding.UTF8.GetBytes(orderId);
        var plain = new byte[8 + id.Length];
        BinaryPrimitives.WriteInt64BigEndian(plain, (_time.GetUtcNow() + _lifetime).ToUnixTimeSeconds());
        id.CopyTo(plain, 8);

        // Deterministic nonce from the plaintext: the same order and expiry give the same link, and distinct plaintexts never share a nonce.
        var nonce = HMACSHA256.HashData(_key, plain).AsSpan(0, NonceSize).ToArray();
        var output = new byte[NonceSize + plain.Length + TagSize];
        nonce.CopyTo(output, 0);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize, plain.Length), output.AsSpan(NonceSize + plain.Length));
        return WebEncoders.Base64UrlEncode(output);
    }

    /// <summary>The order id in <paramref name="token"/>; false when it is forged, damaged or expired.</summary>
    public bool TryReadToken(string? token, out string orderId)
    {
        orderId = "";
        if (string.IsNullOrEmpty(token) || token.Length > 512)
        {
            return false;
        }
        byte[] raw;
        try
        {
            raw = WebEncoders.Base64UrlDecode(token);
        }
        catch (FormatException)
        {
            return false;
        }
        if (raw.Length < NonceSize + 8 + TagSize)
        {
            return false;
        }
        var plainLength = raw.Length - NonceSize - TagSize;
        var plain = new byte[plainLength];
        try
        {
            using var aes = new AesGcm(_key, TagSize);
            aes.Decrypt(raw.AsSpan(0, NonceSize), raw.AsSpan(NonceSize, plainLength), raw.AsSpan(NonceSize + plainLength), plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
        var expires = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(plain));
        if (expires <= _time.GetUtcNow())
        {
            return false;
        }
        orderId = Encoding.UTF8.GetString(plain, 8, plainLength - 8);
        return true;
    }
}
