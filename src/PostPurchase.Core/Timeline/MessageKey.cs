using PostPurchase.Core.Serialization;

namespace PostPurchase.Core.Timeline;

/// <summary>Builds the idempotency key of a message: <c>{orderId}:{intent}[:{parcel}]:{channel}</c>.</summary>
public static class MessageKey
{
    /// <summary>The key; the same intent, parcel and channel of one order always yield the same key.</summary>
    public static string For(string orderId, Intent intent, Channel channel, string? parcelKey = null) =>
        parcelKey is null
            ? $"{orderId}:{WireName.Of(intent)}:{WireName.Of(channel)}"
            : $"{orderId}:{WireName.Of(intent)}:{parcelKey}:{WireName.Of(channel)}";
}
