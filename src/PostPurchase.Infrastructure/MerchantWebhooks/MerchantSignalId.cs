using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Infrastructure.MerchantWebhooks;

/// <summary>The identity of a signal: the same fact about an order always gets the same id, whoever raises it.</summary>
public static class MerchantSignalId
{
    /// <summary>Order + kind, plus the cause of a delay or the key of a failed message (each is one fact of its own).</summary>
    public static string Of(MerchantSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var id = $"{signal.OrderId}:{WireName.Of(signal.Kind)}";
        var detail = signal.Kind switch
        {
            SignalKind.DelayDetected => signal.Data.GetValueOrDefault("cause"),
            SignalKind.MessageFailed => signal.Data.GetValueOrDefault("messageKey"),
            _ => null,
        };
        return detail is null ? id : $"{id}:{detail}";
    }
}
