using System.Security.Cryptography;
using System.Text;

namespace PostPurchase.Infrastructure.Channels.Acs;

/// <summary>
/// The ACS <c>Operation-Id</c> of a message: a name-based UUID (RFC 9562 version 8, SHA-256) of its
/// idempotency key, so every attempt for one message, in any process, carries the same id without storing it.
/// </summary>
internal static class AcsOperationId
{
    private static readonly byte[] Namespace = Guid.Parse("3a0d2f55-52b1-4c8e-9a41-6c5e0f7a2b19").ToByteArray(bigEndian: true);

    /// <summary>The operation id for <paramref name="messageKey"/>.</summary>
    public static Guid For(string messageKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageKey);
        var name = Encoding.UTF8.GetBytes(messageKey);
        var hash = SHA256.HashData([.. Namespace, .. name]);
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
