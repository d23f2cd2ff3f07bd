using System.Security.Cryptography;
using PostPurchase.Infrastructure.Links;

namespace PostPurchase.Web.Security.KeyRing;

/// <summary>AES-256-GCM with a key derived from <c>PostPurchase:SigningKey</c>, for the Data Protection keys at rest.</summary>
internal sealed class KeyRingProtection(CustomerLinks links)
{
    /// <summary>The element that holds an encrypted key.</summary>
    public const string ElementName = "postPurchaseEncryptedKey";

    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key = links.DeriveKey("postpurchase-data-protection-keys-v1");

    /// <summary>nonce | ciphertext | tag.</summary>
    public byte[] Seal(ReadOnlySpan<byte> plain)
    {
        var output = new byte[NonceSize + plain.Length + TagSize];
        RandomNumberGenerator.Fill(output.AsSpan(0, NonceSize));
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(output.AsSpan(0, NonceSize), plain, output.AsSpan(NonceSize, plain.Length), output.AsSpan(NonceSize + plain.Length));
        return output;
    }

    /// <summary>The plaintext of <paramref name="sealedBytes"/>; throws <see cref="CryptographicException"/> when the key differs or the bytes were changed.</summary>
    public byte[] Open(ReadOnlySpan<byte> sealedBytes)
    {
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The encrypted key is too short.");
        }
        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(sealedBytes[..NonceSize], sealedBytes.Slice(NonceSize, plain.Length), sealedBytes[(NonceSize + plain.Length)..], plain);
        return plain;
    }
}
