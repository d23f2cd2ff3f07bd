using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace PostPurchase.Infrastructure.Links;

/// <summary>
/// Makes and reads measured links, <c>/l/{token}</c>: the token names the order, the message (or the tracking page) and which link,
/// sealed like the buyer's other links; the target is looked up when the link is followed, so no open redirect can be made of it.
/// </summary>
public sealed class MeasuredLinks
{
    private const byte Version = 1;
    private static readonly DateTimeOffset DayZero = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly byte[] _key;
    private readonly string _baseUrl;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;

    /// <summary>Creates the link maker; the key is derived from <paramref name="signingKey"/> apart from the tracking links' key.</summary>
    public MeasuredLinks(string signingKey, string publicBaseUrl, TimeProvider time, TimeSpan? lifetime = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signingKey);
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(signingKey), 32, info: "postpurchase-measured-links-v1"u8.ToArray());
        _baseUrl = publicBaseUrl.TrimEnd('/');
        _time = time;
        _lifetime = lifetime ?? TimeSpan.FromDays(400);
    }

    /// <summary>The measured link for <paramref name="link"/> of a message of <paramref name="orderId"/> (null key: the tracking page).</summary>
    public string Url(string orderId, string? messageKey, string link) => $"{_baseUrl}/l/{Token(orderId, messageKey, link)}";

    /// <summary>The token alone.</summary>
    public string Token(string orderId, string? messageKey, string link)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        ArgumentException.ThrowIfNullOrWhiteSpace(link);
        var text = Encoding.UTF8.GetBytes($"{orderId}\n{MeasuredKeys.Pack(orderId, messageKey)}\n{link}");
        var plain = new byte[3 + text.Length];
        plain[0] = Version;
        BinaryPrimitives.WriteUInt16BigEndian(plain.AsSpan(1), (ushort)Math.Clamp(((_time.GetUtcNow() + _lifetime) - DayZero).TotalDays, 0, ushort.MaxValue));
        text.CopyTo(plain, 3);
        return SealedToken.Seal(_key, plain);
    }

    /// <summary>What <paramref name="token"/> points at; false when it is forged, damaged or expired.</summary>
    public bool TryRead(string? token, out MeasuredLink link)
    {
        link = default!;
        if (!SealedToken.TryOpen(_key, token, 4, out var plain) || plain[0] != Version)
        {
            return false;
        }
        var expires = DayZero.AddDays(BinaryPrimitives.ReadUInt16BigEndian(plain.AsSpan(1)));
        var parts = Encoding.UTF8.GetString(plain, 3, plain.Length - 3).Split('\n');
        if (expires <= _time.GetUtcNow() || parts.Length != 3 || parts[0].Length == 0 || parts[2].Length == 0)
        {
            return false;
        }
        link = new MeasuredLink(parts[0], MeasuredKeys.Unpack(parts[0], parts[1]), parts[2]);
        return true;
    }
}
