using System.Globalization;
using PostPurchase.Core.Serialization;

namespace PostPurchase.Core.Timeline;

/// <summary>Builds the idempotency key of a message: <c>{orderId}:{intent}[:{parcel}]:{channel}</c>, and <c>{that}:resend-{n}</c> for resends.</summary>
public static class MessageKey
{
    private const string ResendMark = ":resend-";

    /// <summary>The key; the same intent, parcel and channel of one order always yield the same key.</summary>
    public static string For(string orderId, Intent intent, Channel channel, string? parcelKey = null) =>
        parcelKey is null
            ? $"{orderId}:{WireName.Of(intent)}:{WireName.Of(channel)}"
            : $"{orderId}:{WireName.Of(intent)}:{parcelKey}:{WireName.Of(channel)}";

    /// <summary>The key of the <paramref name="number"/>th resend (1, 2, ...) of the message keyed <paramref name="originalKey"/>.</summary>
    public static string Resend(string originalKey, int number)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(originalKey);
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        return $"{OriginalOf(originalKey)}{ResendMark}{number.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>The key of the message a resend copies; any other key unchanged. Use it before splitting a key into its parts.</summary>
    public static string OriginalOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return ResendNumber(key) is null ? key : key[..key.LastIndexOf(ResendMark, StringComparison.Ordinal)];
    }

    /// <summary>The update a key belongs to: the original's key without its channel, e.g. "1001:win-back" (one update may go by several channels).</summary>
    public static string UpdateOf(string key)
    {
        var original = OriginalOf(key);
        var at = original.LastIndexOf(':');
        return at <= 0 ? original : original[..at];
    }

    /// <summary>True when <paramref name="key"/> is the key of a resend.</summary>
    public static bool IsResend(string key) => ResendNumber(key) is not null;

    private static int? ResendNumber(string key)
    {
        var at = key.LastIndexOf(ResendMark, StringComparison.Ordinal);
        if (at <= 0)
        {
            return null;
        }
        var digits = key.AsSpan(at + ResendMark.Length);
        return digits.Length is > 0 and < 10 && digits[0] != '0' && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}
