using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using PostPurchase.Core.Messages;

namespace PostPurchase.Infrastructure.Links;

/// <summary>Makes and reads the buyer's links: opaque tokens that carry the order id encrypted and authenticated.</summary>
/// <remarks>
/// A token is AES-GCM over (order id, expiry) with a key derived from <c>PostPurchase:SigningKey</c>,
/// so it reveals nothing, cannot be forged or enumerated, and both runtimes read each other's links.
/// The email footer's unsubscribe link (<c>/unsubscribe/{token}</c>) carries the same token.
/// </remarks>
public sealed class CustomerLinks
{
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
        Measured = new MeasuredLinks(signingKey, publicBaseUrl, time);
    }

    /// <summary>The measured redirect links (<c>/l/{token}</c>) of the same deployment.</summary>
    public MeasuredLinks Measured { get; }

    /// <summary>Every link a message about <paramref name="orderId"/> may carry; marketing buttons are measured.</summary>
    public MessageLinks For(string orderId)
    {
        var token = CreateToken(orderId);
        var page = $"{_baseUrl}/track/{token}";
        return new MessageLinks(page, ReviewUrl: $"{page}/review", CsatUrl: $"{page}#rate", UnsubscribeUrl: $"{_baseUrl}/unsubscribe/{token}",
            Measure: (messageKey, link) => Measured.Url(orderId, messageKey, link));
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
        return SealedToken.Seal(_key, plain);
    }

    /// <summary>The order id in <paramref name="token"/>; false when it is forged, damaged or expired.</summary>
    public bool TryReadToken(string? token, out string orderId) => TryReadToken(token, out orderId, out _);

    /// <summary>The order id in <paramref name="token"/> and when the token was made; false when it is forged, damaged or expired.</summary>
    public bool TryReadToken(string? token, out string orderId, out DateTimeOffset issuedAt)
    {
        orderId = "";
        issuedAt = default;
        if (!SealedToken.TryOpen(_key, token, 8, out var plain))
        {
            return false;
        }
        var expires = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(plain));
        if (expires <= _time.GetUtcNow())
        {
            return false;
        }
        orderId = Encoding.UTF8.GetString(plain, 8, plain.Length - 8);
        issuedAt = expires - _lifetime;
        return true;
    }
}
