using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using PostPurchase.Core.Growth;

namespace PostPurchase.Infrastructure.Buyers;

/// <summary>Keyed hashes that stand for a buyer: the profile key of an email address and the buyer's derived referral code.</summary>
/// <remarks>
/// HMAC-SHA256 with keys derived from <c>PostPurchase:SigningKey</c>: the email itself is never stored, the same address gives the same
/// key in both runtimes, and another merchant (another signing key) cannot link its buyers to these.
/// </remarks>
public sealed class BuyerKeys
{
    // Crockford's base 32: no I, L, O or U, so a code read aloud or typed is hard to get wrong.
    private const string CodeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int CodeLength = 8;
    private readonly byte[] _profileKey;
    private readonly byte[] _codeKey;

    /// <summary>Derives both keys from the signing key (at least 16 characters).</summary>
    public BuyerKeys(string signingKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signingKey);
        var secret = Encoding.UTF8.GetBytes(signingKey);
        _profileKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: "postpurchase-buyer-key-v1"u8.ToArray());
        _codeKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: "postpurchase-referral-code-v1"u8.ToArray());
    }

    /// <summary>The buyer key of <paramref name="email"/> (43 URL-safe characters), after <see cref="BuyerEmail.Normalise"/>.</summary>
    public string For(string email) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_profileKey, Encoding.UTF8.GetBytes(BuyerEmail.Normalise(email))));

    /// <summary>The buyer's own referral code: <paramref name="prefix"/> and 8 characters of Crockford base 32; null without a prefix.</summary>
    public string? ReferralCode(string buyerKey, string? prefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(buyerKey);
        if (string.IsNullOrWhiteSpace(prefix))
        {
            return null;
        }
        var hash = HMACSHA256.HashData(_codeKey, Encoding.UTF8.GetBytes(buyerKey));
        var code = new StringBuilder(prefix.Trim(), prefix.Length + CodeLength);
        for (var i = 0; i < CodeLength; i++)
        {
            code.Append(CodeAlphabet[hash[i] % CodeAlphabet.Length]);
        }
        return code.ToString();
    }
}
