using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;

namespace PostPurchase.Infrastructure.Links;

/// <summary>AES-GCM over a small plaintext, as URL-safe base 64: reveals nothing, cannot be forged or enumerated.</summary>
/// <remarks>The nonce is derived from the plaintext (HMAC), so the same plaintext gives the same token and distinct ones never share a nonce.</remarks>
internal static class SealedToken
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    /// <summary>Longest token read; anything longer is refused before decoding.</summary>
    public const int MaxLength = 512;

    public static string Seal(byte[] key, byte[] plain)
    {
        var nonce = HMACSHA256.HashData(key, plain).AsSpan(0, NonceSize).ToArray();
        var output = new byte[NonceSize + plain.Length + TagSize];
        nonce.CopyTo(output, 0);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize, plain.Length), output.AsSpan(NonceSize + plain.Length));
        return WebEncoders.Base64UrlEncode(output);
    }

    /// <summary>The plaintext of <paramref name="token"/>; false when it is forged, damaged or shorter than <paramref name="minPlain"/> bytes.</summary>
    public static bool TryOpen(byte[] key, string? token, int minPlain, out byte[] plain)
    {
        plain = [];
        if (string.IsNullOrEmpty(token) || token.Length > MaxLength)
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
        if (raw.Length < NonceSize + minPlain + TagSize)
        {
            return false;
        }
        var opened = new byte[raw.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(raw.AsSpan(0, NonceSize), raw.AsSpan(NonceSize, opened.Length), raw.AsSpan(NonceSize + opened.Length), opened);
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
        plain = opened;
        return true;
    }
}
