using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Infrastructure.Links;

/// <summary>
/// Writes a message key short inside a measured-link token (links in texts cost parts): the order id is already there, the intent and
/// channel become one letter each. Letters are appended, never reused; a key of another shape travels whole after a '='.
/// </summary>
internal static class MeasuredKeys
{
    private static readonly string[] Intents =
    [
        "order-confirmation", "shipped", "out-for-delivery", "delivered", "delivery-failed-attempt", "available-for-pickup",
        "delivery-exception", "returned-to-sender", "delay-not-shipped", "delay-estimate-slipped", "delay-no-scan", "delay-overdue",
        "csat-survey", "review-request", "review-reminder", "cancellation-confirmed", "return-instructions",
        "replenishment-reminder", "win-back", "referral-invite",
    ];

    private static readonly string[] Channels = ["email", "sms", "whatsapp"];
    private const string Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>"" for the tracking page; "{intent}{channel}[subject]" for a key of this order; "=" and the whole key otherwise.</summary>
    public static string Pack(string orderId, string? messageKey)
    {
        if (messageKey is null)
        {
            return "";
        }
        var prefix = orderId + ":";
        if (messageKey.StartsWith(prefix, StringComparison.Ordinal) && !MessageKey.IsResend(messageKey))
        {
            var parts = messageKey[prefix.Length..].Split(':');
            var intent = Array.IndexOf(Intents, parts[0]);
            var channel = Array.IndexOf(Channels, parts[^1]);
            if (parts.Length is 2 or 3 && intent >= 0 && channel >= 0 && !parts[^1].Contains('=', StringComparison.Ordinal))
            {
                return $"{Letters[intent]}{Letters[channel]}{(parts.Length == 3 ? parts[1] : "")}";
            }
        }
        return "=" + messageKey;
    }

    /// <summary>The message key <see cref="Pack"/> wrote; null for the tracking page.</summary>
    public static string? Unpack(string orderId, string packed)
    {
        if (packed.Length == 0)
        {
            return null;
        }
        if (packed[0] == '=' || packed.Length < 2)
        {
            return packed[0] == '=' ? packed[1..] : packed;
        }
        var intent = Letters.IndexOf(packed[0], StringComparison.Ordinal);
        var channel = Letters.IndexOf(packed[1], StringComparison.Ordinal);
        if (intent < 0 || intent >= Intents.Length || channel < 0 || channel >= Channels.Length)
        {
            return packed;
        }
        var subject = packed.Length > 2 ? $":{packed[2..]}" : "";
        return $"{orderId}:{Intents[intent]}{subject}:{Channels[channel]}";
    }

    /// <summary>True when every intent has its letter (a test guards it, so a new intent is never sent whole by mistake).</summary>
    public static bool CoversEveryIntent() => Enum.GetValues<Intent>().All(i => Array.IndexOf(Intents, WireName.Of(i)) >= 0);
}
